package dev.virex.bench;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.check.EntryAudit;
import dev.virex.auditor.config.Limits;
import dev.virex.auditor.config.Rules;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.Ed25519;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The auditor's verification rate from genesis: a log of {@link #ENTRIES} decisions of a 3-of-5
 * FROST federation (the genesis, then mixnode joins), each verified as the auditor does
 * ({@link EntryAudit}: fold with the group signature, attestation of M members in one batch,
 * limits, rules), against the bare cost of verifying the same number of Ed25519 signatures with
 * BouncyCastle (the baseline): per entry, 1 + M = 4 signatures, the group signature and one per
 * attestation share (each share is a Schnorr equation too). Both report entries per second.
 * 256 entries make one attestation batch, as a log read from genesis does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditBench {
    static final int ENTRIES = 256;
    static final int M = 3;
    static final String NAME = "federation.bench.example";
    static final AuditSink NOWHERE = new AuditSink() {
        @Override
        public void checkpoint(CheckpointSeen seen) {}

        @Override
        public void finding(Finding finding) {}
    };

    GroupKey group;
    List<Bytes> entries;
    /** Baseline: for each entry, 1 + M (key, message, signature) triples. */
    List<Ed25519.PublicKey> keys;
    List<byte[]> messages;
    List<byte[]> signatures;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        SecureRandom random = new SecureRandom();
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(SignerKey.generate("member" + i + ".bench.example", random));
        }
        List<KeyShare> shares = LocalDkg.run(new DkgConfig(NAME, M, SessionId.random(random), ids.stream().map(SignerKey::verifierKey).toList()),
                ids.stream().map(SignerKey::noteSigner).toList(), random);
        group = shares.get(0).group();
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : group.members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), ids.get(m.id().value() - 1).verifierKey(), m.verifyingShare().serialize()));
        }
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        entries = new ArrayList<>();
        entries.add(sign(new FederationKey(new Header(DecisionKind.FEDERATION_KEY, NAME, t0), group.vkey(), M, members, Optional.empty()),
                shares, random));
        for (int i = 1; i < ENTRIES; i++) {
            SignerKey node = SignerKey.generate("mix" + i + ".bench.example", random);
            SignerKey op = SignerKey.generate("op" + i + ".bench.example", random);
            NodeInfo info = new NodeInfo(node.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("10." + (i / 250) + "." + (i % 250) + ".1:4000"),
                    NodeAddress.parse("10." + (i / 250) + "." + (i % 250) + ".1:4001"), "eu-west", 1000, op.verifierKey(), "1.0.0");
            byte[] req = MessageDigest.getInstance("SHA-256").digest(("join " + i).getBytes(StandardCharsets.UTF_8));
            entries.add(sign(new JoinApproved(new Header(DecisionKind.JOIN_APPROVED, NAME, t0.plusSeconds(i)), info, Bytes.wrap(req)),
                    shares, random));
        }
        keys = new ArrayList<>();
        messages = new ArrayList<>();
        signatures = new ArrayList<>();
        for (int i = 0; i < ENTRIES * (1 + M); i++) {
            SignerKey k = SignerKey.generate("baseline" + i + ".bench.example", random);
            byte[] msg = ("a decision text of about the same length as the others " + i).getBytes(StandardCharsets.UTF_8);
            keys.add(Ed25519.publicKey(k.verifierKey().publicKey()));
            messages.add(msg);
            signatures.add(Ed25519.sign(k.seed(SecretAccess.grant()).toArray(), msg));
        }
    }

    private Bytes sign(Decision d, List<KeyShare> shares, SecureRandom random) throws Exception {
        List<KeyShare> signers = shares.subList(0, M);
        SigningAttempt a = new Coordinator(group, d.text().getBytes(StandardCharsets.UTF_8),
                signers.stream().map(s -> s.member().name()).toList(), random).attempt();
        List<ThresholdSigner> ts = new ArrayList<>();
        for (KeyShare s : signers) {
            ThresholdSigner t = new ThresholdSigner(s, new InMemoryNonceStore(), random);
            ts.add(t);
            a.addCommitment(t.commit(a.session()));
        }
        SigningPackage pkg = a.signingPackage();
        for (ThresholdSigner t : ts) {
            a.addShare(t.sign(pkg));
        }
        SigningAttempt.Signed s = a.finish();
        return Bytes.wrap(DecisionEntry.encode(d, group, s.signature(), s.attestation()));
    }

    /** Bare Ed25519: 1 + M signature verifications per entry. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public int baselineEd25519PerEntry() {
        int ok = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).verify(messages.get(i), signatures.get(i))) {
                ok++;
            }
        }
        return ok;
    }

    /** The auditor: every entry from genesis, verified and folded. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long auditFromGenesis() throws FoldException {
        EntryAudit audit = new EntryAudit(group.vkey(), Limits.defaults(), Rules.defaults(), NOWHERE);
        for (Bytes e : entries) {
            audit.apply(e);
        }
        audit.flush();
        return audit.size();
    }
}
