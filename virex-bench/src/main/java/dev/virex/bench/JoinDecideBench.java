package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.join.JoinDraft;
import dev.virex.core.join.JoinStamp;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.Ed25519;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.review.NodeChecks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Join requests reviewed and decided per second in one process, without the probe wait or the
 * network: open the signed request (node and operator signatures), check its stamp, run the
 * requirement and Sybil checks against the directory, derive the join-approved decision, sign it
 * 3-of-5 with FROST (three signers commit and sign; the coordinator verifies every share and
 * aggregates), encode the log entry with its attestation, and fold it into the directory.
 * Baseline: one Ed25519 signature.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JoinDecideBench {
    static final String FED = "fed.bench.virex";
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final int POOL = 2048;

    @State(Scope.Thread)
    public static class Baseline {
        byte[] seed;
        byte[] message = "join-approved decision text of about one hundred bytes, signed once".getBytes(StandardCharsets.UTF_8);

        @Setup
        public void setup() {
            seed = SignerKey.generate("bench.example", new SecureRandom()).seed(SecretAccess.grant()).toArray();
        }
    }

    @State(Scope.Thread)
    public static class Pipeline {
        GroupKey group;
        List<ThresholdSigner> signers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        List<byte[]> genesis = new ArrayList<>();
        Bytes seed;
        NetworkParams params;
        ReviewPolicy policy = ReviewPolicy.defaults().withLimits(0, 2, 0.5, 10);
        SecureRandom random = new SecureRandom();
        DirectoryFold fold;
        int next;

        @Setup
        public void setup() throws Exception {
            List<SignerKey> ids = new ArrayList<>();
            List<VerifierKey> vkeys = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                ids.add(SignerKey.generate("member-" + i + "." + FED, random));
                vkeys.add(ids.get(i - 1).verifierKey());
            }
            List<KeyShare> shares = LocalDkg.run(new DkgConfig(FED, 3, SessionId.random(random), vkeys), ids.stream().map(SignerKey::noteSigner).toList(), random);
            group = shares.get(0).group();
            for (int i = 0; i < 3; i++) {
                signers.add(new ThresholdSigner(shares.get(i), new InMemoryNonceStore(), random));
                names.add(ids.get(i).name());
            }
            List<FederationKey.Member> members = new ArrayList<>();
            for (GroupKey.Member m : group.members()) {
                members.add(new FederationKey.Member(m.id().value(), m.name(), vkeys.get(m.id().value() - 1), m.verifyingShare().serialize()));
            }
            genesis.add(sign(new FederationKey(new Header(DecisionKind.FEDERATION_KEY, FED, T), group.vkey(), 3, members, Optional.empty())));
            TreeMap<String, String> p = new TreeMap<>(NetworkParams.DEFAULTS);
            p.put("join.effort", "64");
            p.put("operator.max-nodes", "1000000");
            genesis.add(sign(new ParamsChanged(new Header(DecisionKind.PARAMS_CHANGED, FED, T), T, p)));
            genesis.add(sign(new EpochBeacon(new Header(DecisionKind.EPOCH, FED, T), 0, T, Duration.ofHours(1))));
            resetFold();
            seed = fold.directory().epoch().orElseThrow().seed();
            params = NetworkParams.of(fold.directory().paramsAt(T));
            for (int i = 0; i < POOL; i++) {
                SignerKey node = SignerKey.generate("mix-" + i + ".node.bench", random);
                SignerKey op = SignerKey.generate("operator-" + i + ".bench", random);
                NodeInfo info = new NodeInfo(node.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("10." + (i >> 8 & 255) + "." + (i & 255)
                        + ".1:4000"), NodeAddress.parse("10." + (i >> 8 & 255) + "." + (i & 255) + ".1:4001"), "region-" + (i % 8), 100,
                        op.verifierKey(), "0.1.0");
                byte[] nonce = new byte[16];
                random.nextBytes(nonce);
                JoinDraft d = new JoinDraft(FED, T, Bytes.wrap(nonce), info);
                requests.add(SignedJoinRequest.sign(d.solve(seed, 64), node.noteSigner(), op.noteSigner()).note().toArray());
            }
        }

        void resetFold() throws Exception {
            fold = DirectoryFold.fromGenesis(group.vkey());
            for (byte[] e : genesis) {
                fold.apply(e);
            }
        }

        byte[] sign(dev.virex.core.decision.Decision d) throws Exception {
            byte[] msg = d.text().getBytes(StandardCharsets.UTF_8);
            SigningAttempt attempt = new Coordinator(group, msg, names, random).attempt();
            for (ThresholdSigner s : signers) {
                attempt.addCommitment(s.commit(attempt.session()));
            }
            SigningPackage pkg = attempt.signingPackage();
            for (ThresholdSigner s : signers) {
                Decisions.parse(new String(pkg.message().toArray(), StandardCharsets.UTF_8)); // each signer re-derives the text
                attempt.addShare(s.sign(pkg));
            }
            SigningAttempt.Signed signed = attempt.finish();
            return DecisionEntry.encode(d, group, signed.signature(), signed.attestation());
        }
    }

    @Benchmark
    public byte[] baselineEd25519Sign(Baseline b) {
        return Ed25519.sign(b.seed, b.message);
    }

    @Benchmark
    public Object reviewAndDecide(Pipeline p) throws Exception {
        if (p.next == POOL) {
            p.next = 0;
            p.resetFold();
        }
        SignedJoinRequest r = SignedJoinRequest.open(p.requests.get(p.next++));
        if (JoinStamp.problem(r.request(), List.of(p.seed), p.params.joinEffort()).isPresent()) {
            throw new IllegalStateException("bad stamp");
        }
        Directory d = p.fold.directory();
        List<String> reasons = NodeChecks.requirements(r.request().node(), p.params, p.policy);
        reasons.addAll(NodeChecks.sybil(r.request().node(), d, List.of(), p.params, p.policy));
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("rejected: " + reasons);
        }
        JoinApproved decision = new JoinApproved(new Header(DecisionKind.JOIN_APPROVED, FED, T.plusSeconds(1)), r.request().node(), r.id());
        return p.fold.apply(p.sign(decision));
    }
}
