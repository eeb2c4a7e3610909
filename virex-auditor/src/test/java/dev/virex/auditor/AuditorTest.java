package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.config.Limits;
import dev.virex.auditor.config.Rules;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.notice.Notice;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor over a real log of FROST-signed decisions: what it verifies and what it finds. */
class AuditorTest {
    static final TestFederation F = AuditFixture.FEDERATION;
    static final Instant T = TestFederation.T0;

    @TempDir
    Path dir;

    static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    /** The notice of the one finding with {@code code}, opened and checked against the recorded finding. */
    static Finding noticed(AuditFixture a, String code) throws Exception {
        List<Finding> found = a.recorder.coded(code);
        assertThat(found).as("findings: " + a.recorder.codes()).hasSize(1);
        List<Notice> notices = a.signedNotices().stream().filter(n -> n.subject() instanceof Finding f && f.code().equals(code)).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).auditor()).isEqualTo(a.auditorKey.name());
        assertThat(notices.get(0).subject()).isEqualTo(found.get(0));
        return found.get(0);
    }

    @Test
    void aCleanLogIsVerifiedEntryByEntryAndEachCheckpointIsNoticed() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix1.test", "op1.test", "192.0.2.1", 4000), 1, 2, 3),
                    F.entry(TestFederation.join(at(2), "mix2.test", "op2.test", "198.51.100.1", 4000), 2, 4, 5));
            assertThat(a.poll()).isEqualTo(3);
            assertThat(a.recorder.findings).isEmpty();
            assertThat(a.recorder.decisions).extracting(DecisionRecord::kind).containsExactly("federation-key", "join-approved", "join-approved");
            assertThat(a.recorder.decisions.get(2).signers()).containsExactly(TestFederation.member(2), TestFederation.member(4), TestFederation.member(5));
            CheckpointSeen seen = a.recorder.checkpoints.get(0);
            assertThat(seen.size()).isEqualTo(3);
            assertThat(seen.root()).isEqualTo(a.log.signedCheckpoint().checkpoint().rootHash());
            // The directory digest is that of an independent fold of the same entries.
            DirectoryFold fold = DirectoryFold.fromGenesis(F.group.vkey());
            for (long i = 0; i < 3; i++) {
                fold.apply(entryAt(a, i));
            }
            assertThat(seen.directory()).contains(fold.directory().digest());
            assertThat(a.signedNotices()).singleElement().satisfies(n -> assertThat(n.subject()).isEqualTo(seen));
            // Nothing new: no second notice; new entries: a notice for the new checkpoint.
            assertThat(a.poll()).isZero();
            a.add(F.entry(TestFederation.join(at(3), "mix3.test", "op3.test", "203.0.113.1", 4000), 1, 3, 5));
            assertThat(a.poll()).isEqualTo(1);
            assertThat(a.signedNotices()).hasSize(2);
        }
    }

    static byte[] entryAt(AuditFixture a, long i) throws Exception {
        var p = dev.virex.core.tlog.Tiles.tile(dev.virex.core.tlog.TilePath.ENTRIES, 0, a.log.size());
        return dev.virex.core.tlog.EntryBundle.parse(a.log.tile(p).toArray(), p.width()).entries().get((int) i).toArray();
    }

    @Test
    void b_aDecisionWhoseAttestationNamesFewerThanMMembersIsAViolation() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(F.entryNamingFewer(TestFederation.join(at(1), "mix1.test", "op1.test", "192.0.2.1", 4000), 1, 2, 3));
            a.poll();
            Finding f = noticed(a, "attestation-below-threshold");
            assertThat(f.isViolation()).isTrue();
            assertThat(f.entries()).containsExactly(1L);
            assertThat(f.subject()).contains("2 signers").contains("needs 3");
            // The group signature is valid, so nodes apply it; the auditor folds on too.
            assertThat(a.auditor.entriesVerified()).isEqualTo(2);
        }
    }

    @Test
    void aBadShareHiddenInABatchIsFoundByTheStrictCheckAndBothModesAgree() throws Exception {
        List<Bytes> log = new java.util.ArrayList<>();
        log.add(F.entry(F.genesis(), 1, 2, 3));
        for (int i = 1; i <= 20; i++) {
            var join = TestFederation.join(at(i), "m" + i + ".test", "op" + i + ".test", "10.9." + i + ".1", 4000);
            log.add(i == 13 ? F.entryWithSwappedShares(join, 2, 3, 5) : i == 7 ? F.entryNamingFewer(join, 1, 2, 3) : F.entry(join, 1, 2, 3));
        }
        for (Optional<java.security.SecureRandom> mode : List.of(Optional.<java.security.SecureRandom>empty(),
                Optional.<java.security.SecureRandom>of(new dev.virex.testkit.DeterministicRandom("batch")))) {
            Recorder r = new Recorder();
            var audit = new dev.virex.auditor.check.EntryAudit(F.group.vkey(), Limits.defaults(), Rules.defaults(), r, mode);
            for (Bytes e : log) {
                audit.apply(e);
            }
            audit.flush();
            assertThat(r.findings).as(mode.isPresent() ? "batched" : "strict")
                    .extracting(Finding::code, f -> f.entries().get(0))
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("attestation-below-threshold", 7L),
                            org.assertj.core.groups.Tuple.tuple("attestation-invalid", 13L));
        }
    }

    @Test
    void c_aDirectorySnapshotThatDiffersFromTheFoldIsAViolation() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix1.test", "op1.test", "192.0.2.1", 4000), 1, 2, 3));
            a.poll();
            Bytes right = a.state.snapshot().checkpoints().isEmpty() ? null
                    : Bytes.fromHex(a.state.snapshot().checkpoints().get(0).directory());
            a.add(F.entry(TestFederation.snapshot(at(2), 2, right, 1), 1, 2, 3));
            a.add(F.entry(TestFederation.snapshot(at(3), 3, TestFederation.sha256("not the directory"), 1), 1, 2, 3));
            a.poll();
            Finding f = noticed(a, "snapshot-mismatch");
            assertThat(f.entries()).containsExactly(3L);
            assertThat(a.recorder.findings).hasSize(1);
        }
    }

    @Test
    void aSnapshotThatLandedLateIsAWarningWhenTrueForItsEntriesAndAViolationWhenNot() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix1.test", "op1.test", "192.0.2.1", 4000), 1, 2, 3));
            a.poll();
            Bytes atTwo = Bytes.fromHex(a.state.snapshot().checkpoints().get(0).directory());
            // Members race: a join gets in at index 2 while the snapshot of the first two entries is being signed.
            a.add(F.entry(TestFederation.join(at(2), "mix2.test", "op2.test", "198.51.100.1", 4000), 2, 4, 5));
            a.add(F.entry(TestFederation.snapshot(at(3), 2, atTwo, 1), 1, 2, 3));
            a.add(F.entry(TestFederation.snapshot(at(4), 3, atTwo, 1), 1, 2, 4));
            a.add(F.entry(TestFederation.snapshot(at(5), 2, TestFederation.sha256("not the directory"), 1), 1, 2, 3));
            a.poll();
            Finding late = noticed(a, "snapshot-late");
            assertThat(late.isViolation()).isFalse();
            assertThat(late.entries()).containsExactly(3L);
            assertThat(late.subject()).contains("first 2 entries");
            // A late snapshot that is not the fold of its entries (wrong digest for 3 entries, a false one for 2) is a violation.
            assertThat(a.recorder.coded("snapshot-mismatch")).extracting(f -> f.entries().get(0)).containsExactlyInAnyOrder(4L, 5L);
            assertThat(a.recorder.findings).hasSize(3);
        }
    }

    @Test
    void d_aBurstOfJoinsFromOneOperatorIsAWarningNamingEveryEntry() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis();
            for (int i = 0; i < 6; i++) {
                a.add(F.entry(TestFederation.join(at(1 + i), "burst" + i + ".test", "sybil-operator.test", "10.0." + i + ".1", 4000), 1, 2, 4));
            }
            a.poll();
            Finding f = noticed(a, "join-burst-operator");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.entries()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(f.subject()).contains("sybil-operator.test").contains("6 approvals");
            // The same six approvals by one member set stay under that rule's default (20).
            assertThat(a.recorder.coded("approval-burst")).isEmpty();
        }
    }

    @Test
    void staleAndReplayedDecisionsAndImpossibleTransitionsAreViolations() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            var join = TestFederation.join(at(30), "mix1.test", "op1.test", "192.0.2.1", 4000);
            a.genesis().add(F.entry(join, 1, 2, 3), F.entry(join, 2, 3, 4),
                    F.entry(TestFederation.join(at(5), "late.test", "op2.test", "192.0.2.9", 4000), 1, 2, 3),
                    F.entry(TestFederation.remove(at(31), "never-admitted.test"), 1, 2, 3));
            a.poll();
            assertThat(a.recorder.codes()).containsExactly("replayed-decision", "stale-decision", "impossible-transition");
            assertThat(a.recorder.findings).allMatch(Finding::isViolation);
            assertThat(a.recorder.findings).extracting(f -> f.entries().get(0)).containsExactly(2L, 3L, 4L);
        }
    }

    @Test
    void parameterChangesAndRemovalsAreCheckedAgainstTheAuditorsLimits() throws Exception {
        Limits limits = new Limits(new TreeMap<>(Map.of("abuse.effort-floor", new Limits.Range(8, 1024))), 4, Optional.of(new dev.virex.auditor.config.Window(1,
                Duration.ofHours(1))), true, 99, 1000);
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test", Optional.empty(), limits, Rules.defaults())) {
            a.genesis().add(
                    F.entry(TestFederation.params(at(1), Map.of("abuse.effort-floor", "32")), 1, 2, 3),        // x2 from 16: fine
                    F.entry(TestFederation.params(at(2), Map.of("abuse.effort-floor", "4096")), 1, 2, 3),      // out of bounds, x128
                    F.entry(TestFederation.params(at(3), Map.of("abuse.rate-per-minute", "50")), 1, 2, 3),     // below the cover rate (60): invalid set
                    F.entry(TestFederation.join(at(4), "m1.test", "o1.test", "192.0.2.1", 4000), 1, 2, 3),
                    F.entry(TestFederation.join(at(4), "m2.test", "o2.test", "192.0.2.2", 4000), 1, 2, 3),
                    F.entry(new dev.virex.core.decision.NodeRemoved(TestFederation.header(dev.virex.core.decision.DecisionKind.NODE_REMOVED, at(5)),
                            TestKeys.signer("m1.test").verifierKey(), List.of(new dev.virex.core.decision.Reason("abuse", "spam")), List.of()), 1, 2, 3),
                    F.entry(TestFederation.remove(at(6), "m2.test"), 1, 2, 3));
            a.poll();
            assertThat(a.recorder.codes()).containsExactly("param-out-of-bounds", "param-change-too-large", "params-invalid",
                    "removal-without-evidence", "removal-burst");
            assertThat(a.recorder.coded("removal-burst").get(0).entries()).containsExactly(6L, 7L);
        }
    }

    @Test
    void rejoinsAndImplausibleDeclarationsAreWarnings() throws Exception {
        Rules rules = new Rules(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10, 10_000, Optional.of("1.2.0"), true);
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test", Optional.empty(), Limits.defaults(), rules)) {
            a.genesis().add(
                    F.entry(TestFederation.join(at(1), "m1.test", "o1.test", "192.0.2.1", 4000, 100, "1.2.0"), 1, 2, 3),
                    F.entry(TestFederation.remove(at(2), "m1.test"), 1, 2, 3),
                    F.entry(TestFederation.join(at(3), "m1.test", "o9.test", "192.0.2.7", 4000, 100, "1.10.0"), 1, 2, 3),
                    F.entry(TestFederation.join(at(4), "m2.test", "o1.test", "192.0.2.8", 4000, 100, "1.2.0-rc1"), 1, 2, 3),
                    F.entry(TestFederation.join(at(5), "m3.test", "o3.test", "192.0.2.9", 4000, 999_999, "2.0.0"), 1, 2, 3));
            a.poll();
            assertThat(a.recorder.codes()).containsExactly("rejoin-removed-node", "implausible-software", "rejoin-removed-operator",
                    "implausible-bandwidth");
            assertThat(a.recorder.coded("rejoin-removed-node").get(0).entries()).containsExactly(2L, 3L);
            assertThat(a.recorder.findings).noneMatch(Finding::isViolation);
        }
    }

    @Test
    void aCheckpointWithoutTheWitnessQuorumIsAViolationAndCosignersAreNamed() throws Exception {
        var w1 = TestKeys.signer("w1.audit.test");
        TlogPolicy policy = TlogPolicy.parse("log " + AuditFixture.LOG.verifierKey().encode() + "\nwitness w1 "
                + Cosignature.cosignerKey(w1.verifierKey()).encode() + "\nquorum w1\n");
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test", Optional.of(policy), Limits.defaults(), Rules.defaults())) {
            a.genesis();
            a.poll();
            Finding f = noticed(a, "quorum-missing");
            assertThat(f.subject()).contains("quorum NOT met");
            assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo(a.log.checkpoint()));
            assertThat(a.recorder.checkpoints.get(0).cosigners()).isEmpty();
        }
    }

    @Test
    void anEntryNotSignedByTheFederationIsAViolationAndHaltsTheAudit() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(Bytes.wrap(dev.virex.core.note.Note.sign("virex-decision/v1\nnot really\n",
                    AuditFixture.STRANGER.noteSigner()).encode()));
            a.add(F.entry(TestFederation.join(at(1), "mix1.test", "op1.test", "192.0.2.1", 4000), 1, 2, 3));
            a.poll();
            Finding f = noticed(a, "entry-rejected");
            assertThat(f.entries()).containsExactly(1L);
            assertThat(a.auditor.halted()).hasValueSatisfying(r -> assertThat(r).contains("entry 1"));
            assertThat(a.auditor.entriesVerified()).isEqualTo(1);
            assertThat(a.poll()).isZero();
        }
    }
}
