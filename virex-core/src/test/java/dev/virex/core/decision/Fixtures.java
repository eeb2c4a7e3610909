package dev.virex.core.decision;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys and decisions for the decision and fold tests (deterministic, no testkit: core is below it). */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
    static final String FED = "federation.virex.example";

    private Fixtures() {}

    static SignerKey key(String name) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(("fixture:" + name).getBytes(StandardCharsets.UTF_8));
            return SignerKey.fromSeed(name, seed, SecretAccess.grant());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final SignerKey GROUP = key(FED);

    static Header header(DecisionKind k, Instant t) {
        return new Header(k, FED, t);
    }

    static FederationKey genesis(int n, int m) {
        List<FederationKey.Member> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            members.add(new FederationKey.Member(i, "member-" + i + ".virex.example", key("member-" + i).verifierKey(),
                    key("share-" + i).verifierKey().publicKey()));
        }
        return new FederationKey(header(DecisionKind.FEDERATION_KEY, T0), GROUP.verifierKey(), m, members, Optional.empty());
    }

    static NodeInfo node(String name, String address) throws DecisionFormatException {
        NodeAddress a = NodeAddress.parse(address);
        NodeAddress control = NodeAddress.parse(address.substring(0, address.lastIndexOf(':')) + ":" + (a.port() + 1));
        return new NodeInfo(key(name).verifierKey(), NodeRole.MIXNODE, a, control, "eu-west", 100,
                key("operator-a").verifierKey(), "0.1.0");
    }

    static Bytes requestHash(String label) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JoinApproved approve(String name, String address, Instant t) throws DecisionFormatException {
        return new JoinApproved(header(DecisionKind.JOIN_APPROVED, t), node(name, address), requestHash(name + t));
    }

    static NodeRemoved remove(String name, Instant t) {
        return new NodeRemoved(header(DecisionKind.NODE_REMOVED, t), key(name).verifierKey(),
                List.of(new Reason("probe-failed", "unreachable for 10 minutes")), List.of("probe:abc123"));
    }

    static ParamsChanged params(Instant t, Instant activation, Map<String, String> p) {
        return new ParamsChanged(header(DecisionKind.PARAMS_CHANGED, t), activation, new java.util.TreeMap<>(p));
    }

    static EpochBeacon epoch(long n, Instant t) {
        return new EpochBeacon(header(DecisionKind.EPOCH, t), n, t, Duration.ofMinutes(5));
    }

    static byte[] sign(Decision d) {
        return sign(d, GROUP);
    }

    static byte[] sign(Decision d, SignerKey k) {
        return Note.sign(d.text(), k.noteSigner()).encode();
    }
}
