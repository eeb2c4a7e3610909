package dev.virex.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.Note;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.node.bootstrap.SnapshotBundle;
import dev.virex.node.bootstrap.SnapshotException;
import dev.virex.node.bootstrap.SnapshotVerifier;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap bundle check: each part verified, each way of getting it wrong refused with its reason. */
class SnapshotVerifierTest {
    @TempDir
    static Path dir;

    static TestFederation fed;
    static TestLog log;
    static TlogPolicy policy;
    static Directory snap;
    static SnapshotBundle good;
    static long approvalIndex;

    @BeforeAll
    static void bundle() throws Exception {
        fed = new TestFederation("snapshots");
        log = new TestLog(dir, fed.vkey(), TestLog.FORGER.verifierKey());
        policy = TlogPolicy.parse(log.policy(false));
        log.append(fed.genesis());
        approvalIndex = log.append(fed.approve(TestFederation.info(TestKeys.signer("s1.nodes.test").verifierKey(), NodeRole.ODS,
                "192.0.2.9:4000", "192.0.2.9:4001")));
        DirectoryFold f = DirectoryFold.fromGenesis(fed.vkey());
        for (Bytes e : log.entries) {
            f.apply(e.toArray());
        }
        snap = f.directory();
        long index = log.append(fed.snapshot(snap));
        good = new SnapshotBundle(index, log.entries.get((int) index), snap.text(), Bytes.wrap(log.log.receipt(index).encode()));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() throws Exception {
        log.close();
    }

    static SnapshotException.Reason reason(SnapshotBundle b) {
        try {
            SnapshotVerifier.verify(b, policy, fed.vkey());
            throw new AssertionError("verified");
        } catch (SnapshotException e) {
            return e.reason();
        }
    }

    @Test
    void aGoodBundleVerifies() throws Exception {
        SnapshotVerifier.Verified v = SnapshotVerifier.verify(good, policy, fed.vkey());
        assertThat(v.index()).isEqualTo(2);
        assertThat(v.directory()).isEqualTo(snap);
        assertThat(v.checkpoint().cosigners()).containsExactly("w1");
        assertThat(v.state().directory().logSize()).isEqualTo(2);
        assertThat(v.entry().signers()).hasSize(2);
        assertThat(SnapshotVerifier.verify(SnapshotBundle.parse(good.encode()), policy, fed.vkey()).directory()).isEqualTo(snap);
    }

    @Test
    void aWrongDigestOrIndexOrKindIsAMismatch() throws Exception {
        String other = snap.text().replace("latest-time " + snap.latestTime(), "latest-time " + snap.latestTime().plusSeconds(1));
        assertThat(reason(new SnapshotBundle(good.index(), good.entry(), other, good.proof()))).isEqualTo(SnapshotException.Reason.MISMATCH);
        assertThat(reason(new SnapshotBundle(good.index() - 1, good.entry(), good.directory(), good.proof())))
                .isEqualTo(SnapshotException.Reason.MISMATCH);
        SnapshotBundle approval = new SnapshotBundle(approvalIndex, log.entries.get((int) approvalIndex), snap.text(),
                Bytes.wrap(log.log.receipt(approvalIndex).encode()));
        assertThatThrownBy(() -> SnapshotVerifier.verify(approval, policy, fed.vkey())).hasMessageContaining("not a directory snapshot");
        assertThatThrownBy(() -> SnapshotVerifier.verify(good, policy, TestLog.FORGER.verifierKey()))
                .hasMessageContaining("federation key");
    }

    @Test
    void aBadProofOrAMissingQuorumIsRefused() throws Exception {
        String proof = new String(good.proof().toArray(), StandardCharsets.UTF_8);
        String[] lines = proof.split("\n", -1);
        lines[2] = Bytes.wrap(new byte[32]).toBase64();
        SnapshotBundle tampered = new SnapshotBundle(good.index(), good.entry(), good.directory(),
                Bytes.wrap(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        assertThat(reason(tampered)).isEqualTo(SnapshotException.Reason.BAD_PROOF);
        SnapshotBundle otherEntry = new SnapshotBundle(good.index(), log.entries.get(0), good.directory(), good.proof());
        assertThat(reason(otherEntry)).isEqualTo(SnapshotException.Reason.BAD_PROOF);
        TlogPolicy otherLog = TlogPolicy.parse("log " + TestKeys.signer("other-log.nodes.test").verifierKey().encode() + "\nquorum none\n");
        assertThatThrownBy(() -> SnapshotVerifier.verify(good, otherLog, fed.vkey())).isInstanceOf(SnapshotException.class)
                .satisfies(e -> assertThat(((SnapshotException) e).reason()).isEqualTo(SnapshotException.Reason.BAD_PROOF));

        log.witnessing.set(false);
        try {
            log.append(fed.epoch(1, fed.now(), java.time.Duration.ofMinutes(10)));
            SnapshotBundle unwitnessed = new SnapshotBundle(good.index(), good.entry(), good.directory(),
                    Bytes.wrap(log.log.receipt(good.index()).encode()));
            assertThat(reason(unwitnessed)).isEqualTo(SnapshotException.Reason.NO_QUORUM);
        } finally {
            log.witnessing.set(true);
        }
    }

    @Test
    void aSnapshotNotSignedByTheFederationIsRefused() throws Exception {
        String text = new String(Note.parse(good.entry().toArray()).text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Bytes forged = Bytes.wrap(Note.sign(text, TestLog.FORGER.noteSigner()).encode());
        long index = log.append(forged);
        SnapshotBundle b = new SnapshotBundle(index, forged, good.directory(), Bytes.wrap(log.log.receipt(index).encode()));
        assertThat(reason(b)).isEqualTo(SnapshotException.Reason.BAD_SIGNATURE);
        assertThat(reason(new SnapshotBundle(good.index(), good.entry(), "virex-directory/v1\n", good.proof())))
                .isEqualTo(SnapshotException.Reason.MALFORMED);
    }
}
