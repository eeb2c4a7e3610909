package dev.virex.node.net;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.LocalSigning;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small test federation: a 2-of-3 FROST group from a real (in-process) DKG, signing decisions
 * as log entries. Decision times start at {@link #T0} and advance one second per decision.
 */
public final class TestFederation {
    public static final String NAME = "federation.nodes.test";
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final SignerKey OPERATOR = TestKeys.signer("operator.nodes.test");

    private final List<KeyShare> shares;
    private final DeterministicRandom random;
    private Instant time = T0;

    public TestFederation(String label) throws Exception {
        random = new DeterministicRandom("federation:" + label);
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(TestKeys.signer("member" + i + ".nodes.test"));
        }
        DkgConfig config = new DkgConfig(NAME, 2, SessionId.random(random), ids.stream().map(SignerKey::verifierKey).toList());
        shares = LocalDkg.run(config, ids.stream().map(SignerKey::noteSigner).toList(), random);
    }

    public GroupKey group() {
        return shares.get(0).group();
    }

    public VerifierKey vkey() {
        return group().vkey();
    }

    /** The time of the next decision. */
    public Instant now() {
        return time;
    }

    private Header header(DecisionKind kind) {
        time = time.plusSeconds(1);
        return new Header(kind, NAME, time);
    }

    public Bytes sign(Decision d) throws Exception {
        return Bytes.wrap(LocalSigning.sign(d, shares.subList(0, 2), random));
    }

    public Bytes genesis() throws Exception {
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : group().members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), TestKeys.signer(m.name()).verifierKey(),
                    m.verifyingShare().serialize()));
        }
        return sign(new FederationKey(header(DecisionKind.FEDERATION_KEY), vkey(), 2, members, Optional.empty()));
    }

    public static NodeInfo info(VerifierKey node, NodeRole role, String address, String control) throws Exception {
        return new NodeInfo(node, role, NodeAddress.parse(address), NodeAddress.parse(control), "eu-west", 100,
                OPERATOR.verifierKey(), "0.1.0");
    }

    public Bytes approve(NodeInfo node) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(node.id().getBytes(StandardCharsets.UTF_8));
        return sign(new JoinApproved(header(DecisionKind.JOIN_APPROVED), node, Bytes.wrap(h)));
    }

    public Bytes remove(VerifierKey node, String reason) throws Exception {
        return sign(new NodeRemoved(header(DecisionKind.NODE_REMOVED), node, List.of(Reason.of(reason)), List.of("probe-report:1")));
    }

    public Bytes params(Instant activation, Map<String, String> params) throws Exception {
        return sign(new ParamsChanged(header(DecisionKind.PARAMS_CHANGED), activation, new TreeMap<>(params)));
    }

    public Bytes epoch(long n, Instant start, Duration length) throws Exception {
        return sign(new EpochBeacon(header(DecisionKind.EPOCH), n, start, length));
    }

    /** The {@code directory} decision for {@code d}, to be logged at index {@code d.logSize()}. */
    public Bytes snapshot(Directory d) throws Exception {
        return sign(new DirectorySnapshot(header(DecisionKind.DIRECTORY), d.logSize(), d.digest(), d.nodes().size()));
    }

    /** A note that looks like a removal but is signed by {@code forger}, not the group. */
    public Bytes forged(SignerKey forger, VerifierKey node) {
        NodeRemoved d = new NodeRemoved(header(DecisionKind.NODE_REMOVED), node, List.of(Reason.of("forged")), List.of());
        return Bytes.wrap(Note.sign(d.text(), forger.noteSigner()).encode());
    }
}
