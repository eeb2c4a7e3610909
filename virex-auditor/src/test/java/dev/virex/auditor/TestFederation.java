package dev.virex.auditor;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.Attestation;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A FROST federation for auditor tests (a DKG run in process): decisions signed by chosen members
 * and encoded as log entries with {@link DecisionEntry#encode}, plus the forgeries the auditor
 * must catch.
 */
public final class TestFederation {
    public static final String NAME = "federation.audit.test";
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public final List<SignerKey> identities = new ArrayList<>();
    public final List<KeyShare> shares;
    public final GroupKey group;
    private int signings;

    public TestFederation(int m, int n, String label) {
        for (int i = 1; i <= n; i++) {
            identities.add(TestKeys.signer(member(i)));
        }
        DeterministicRandom random = new DeterministicRandom("federation:" + label);
        try {
            DkgConfig config = new DkgConfig(NAME, m, SessionId.random(random), identities.stream().map(SignerKey::verifierKey).toList());
            shares = LocalDkg.run(config, identities.stream().map(SignerKey::noteSigner).toList(), random);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        group = shares.get(0).group();
    }

    public static String member(int i) {
        return "member" + i + ".audit.test";
    }

    public static Header header(DecisionKind k, Instant t) {
        return new Header(k, NAME, t);
    }

    public FederationKey genesis() {
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : group.members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), identities.get(m.id().value() - 1).verifierKey(),
                    m.verifyingShare().serialize()));
        }
        return new FederationKey(header(DecisionKind.FEDERATION_KEY, T0), group.vkey(), group.threshold(), members, Optional.empty());
    }

    /** The log entry of {@code d} signed by the members numbered {@code signers} (1-based). */
    public Bytes entry(Decision d, int... signers) {
        SigningAttempt.Signed s = sign(d, signers);
        return Bytes.wrap(DecisionEntry.encode(d, group, s.signature(), s.attestation()));
    }

    /** A valid group signature whose attestation names one member fewer than signed: below M. */
    public Bytes entryNamingFewer(Decision d, int... signers) {
        SigningAttempt.Signed s = sign(d, signers);
        Attestation a = s.attestation();
        Attestation fewer = new Attestation(a.groupId(), a.messageDigest(), a.signature(), a.signers().subList(0, a.signers().size() - 1));
        return Bytes.wrap(DecisionEntry.encode(d, group, s.signature(), fewer));
    }

    /** A valid group signature whose attestation has two signers' shares swapped: their sum still matches. */
    public Bytes entryWithSwappedShares(Decision d, int... signers) {
        SigningAttempt.Signed s = sign(d, signers);
        Attestation a = s.attestation();
        List<Attestation.Signer> l = new ArrayList<>(a.signers());
        Attestation.Signer x = l.get(0);
        Attestation.Signer y = l.get(1);
        l.set(0, new Attestation.Signer(x.commitment(), x.name(), y.share()));
        l.set(1, new Attestation.Signer(y.commitment(), y.name(), x.share()));
        return Bytes.wrap(DecisionEntry.encode(d, group, s.signature(), new Attestation(a.groupId(), a.messageDigest(), a.signature(), l)));
    }

    SigningAttempt.Signed sign(Decision d, int... signers) {
        try {
            List<String> names = new ArrayList<>();
            for (int i : signers) {
                names.add(member(i));
            }
            DeterministicRandom random = new DeterministicRandom("signing:" + (signings++));
            SigningAttempt attempt = new Coordinator(group, d.text().getBytes(StandardCharsets.UTF_8), names, random).attempt();
            List<ThresholdSigner> ts = new ArrayList<>();
            for (int i : signers) {
                ThresholdSigner t = new ThresholdSigner(shares.get(i - 1), new InMemoryNonceStore(), random);
                ts.add(t);
                attempt.addCommitment(t.commit(attempt.session()));
            }
            SigningPackage pkg = attempt.signingPackage();
            for (ThresholdSigner t : ts) {
                attempt.addShare(t.sign(pkg));
            }
            return attempt.finish();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mixnode join: node key {@code node}, operator key {@code operator}, at {@code ip:port}, control on port + 1. */
    public static JoinApproved join(Instant t, String node, String operator, String ip, int port) {
        return join(t, node, operator, ip, port, 100, "1.0.0");
    }

    public static JoinApproved join(Instant t, String node, String operator, String ip, int port, long bandwidth, String software) {
        return join(t, node, operator, NodeRole.MIXNODE, "eu-west", ip, port, bandwidth, software);
    }

    /** A join of a node of any role and region, control on port + 1. */
    public static JoinApproved join(Instant t, String node, String operator, NodeRole role, String region, String ip, int port) {
        return join(t, node, operator, role, region, ip, port, 100, "0.1.0");
    }

    static JoinApproved join(Instant t, String node, String operator, NodeRole role, String region, String ip, int port, long bandwidth,
                             String software) {
        try {
            NodeInfo info = new NodeInfo(TestKeys.signer(node).verifierKey(), role, NodeAddress.parse(ip + ":" + port),
                    NodeAddress.parse(ip + ":" + (port + 1)), region, bandwidth, TestKeys.signer(operator).verifierKey(), software);
            return new JoinApproved(header(DecisionKind.JOIN_APPROVED, t), info, sha256(node + t));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static NodeRemoved remove(Instant t, String node) {
        return new NodeRemoved(header(DecisionKind.NODE_REMOVED, t), TestKeys.signer(node).verifierKey(),
                List.of(new Reason("probe-failed", "unreachable")), List.of("probe:1"));
    }

    public static ParamsChanged params(Instant t, Map<String, String> values) {
        return new ParamsChanged(header(DecisionKind.PARAMS_CHANGED, t), t, new TreeMap<>(values));
    }

    public static DirectorySnapshot snapshot(Instant t, long logSize, Bytes digest, int nodes) {
        return new DirectorySnapshot(header(DecisionKind.DIRECTORY, t), logSize, digest, nodes);
    }

    static Bytes sha256(String s) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
