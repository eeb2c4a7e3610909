package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.gossip.GossipPeer;
import dev.virex.auditor.gossip.HttpGossipPeer;
import dev.virex.auditor.http.AuditorServer;
import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.notice.Notice;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.witness.WitnessApi;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * (a) A log that shows two histories, one to each of two auditors: gossip between them, over
 * their HTTP endpoints, makes each find the split view and publish a signed notice carrying both
 * checkpoints.
 */
class SplitViewTest {
    static final TestFederation F = AuditFixture.FEDERATION;

    @TempDir
    Path dir;

    static Instant at(int minutes) {
        return TestFederation.T0.plus(Duration.ofMinutes(minutes));
    }

    static AuditorServer serve(AuditFixture a) {
        return AuditorServer.start(a.notices, a.auditorKey.verifierKey(), a.state, a.auditor, HttpService.Options.loopback("auditor"));
    }

    static void assertSplitViewNoticed(AuditFixture a, AuditFixture other) throws Exception {
        List<Notice> notices = a.signedNotices().stream()
                .filter(n -> n.subject() instanceof Finding f && f.code().equals("split-view")).toList();
        assertThat(notices).as("findings of " + a.auditorKey.name() + ": " + a.recorder.codes()).hasSize(1);
        Finding f = (Finding) notices.get(0).subject();
        assertThat(f.isViolation()).isTrue();
        assertThat(f.evidence()).hasSize(2);
        // Both pieces of evidence are checkpoints signed by the log: one from each history.
        List<Bytes> roots = f.evidence().stream().map(e -> open(e.data()).checkpoint().rootHash()).toList();
        assertThat(roots).containsExactlyInAnyOrder(a.log.signedCheckpoint().checkpoint().rootHash(),
                other.log.signedCheckpoint().checkpoint().rootHash());
    }

    static SignedCheckpoint open(Bytes b) {
        try {
            return SignedCheckpoint.open(b.toArray(), AuditFixture.LOG.verifierKey().noteVerifier());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoAuditorsShownDifferentHistoriesOfOneSizeFindTheSplitViewByGossip() throws Exception {
        try (AuditFixture a = new AuditFixture(dir.resolve("a"), "auditor-a.audit.test");
             AuditFixture b = new AuditFixture(dir.resolve("b"), "auditor-b.audit.test");
             AuditorServer sa = serve(a);
             AuditorServer sb = serve(b)) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix-a.test", "op-a.test", "192.0.2.1", 4000), 1, 2, 3));
            b.genesis().add(F.entry(TestFederation.join(at(1), "mix-b.test", "op-b.test", "192.0.2.2", 4000), 1, 2, 3));
            a.poll();
            b.poll();
            assertThat(a.recorder.findings).isEmpty();
            assertThat(b.recorder.findings).isEmpty();

            // A gossips with B over HTTP: B keeps A's checkpoint, A gets B's.
            Map<String, GossipPeer> toB = Map.of("auditor-b", new HttpGossipPeer(sb.baseUri(), HttpClients.newClient(), Duration.ofSeconds(5)));
            a.auditor.gossip(toB, Map.of());
            a.poll();
            b.poll();
            assertSplitViewNoticed(a, b);
            assertSplitViewNoticed(b, a);
            // A's gossip endpoint serves its own view: the checkpoint of its history.
            var mine = new HttpGossipPeer(sa.baseUri(), HttpClients.newClient(), Duration.ofSeconds(5))
                    .exchange(new dev.virex.auditor.gossip.GossipMessage(List.of()));
            assertThat(mine.checkpoints()).containsExactly(a.log.checkpoint());
        }
    }

    @Test
    void aLargerForkIsCaughtByTheAuditorWithTheLongerViewAndByOneThatCatchesUp() throws Exception {
        try (AuditFixture a = new AuditFixture(dir.resolve("a"), "auditor-a.audit.test");
             AuditFixture b = new AuditFixture(dir.resolve("b"), "auditor-b.audit.test")) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix-a.test", "op-a.test", "192.0.2.1", 4000), 1, 2, 3));
            b.genesis().add(F.entry(TestFederation.join(at(1), "mix-b.test", "op-b.test", "192.0.2.2", 4000), 1, 2, 3),
                    F.entry(TestFederation.join(at(2), "mix-c.test", "op-c.test", "192.0.2.3", 4000), 1, 2, 3));
            a.poll();
            b.poll();
            a.auditor.gossip(Map.of("b", b.auditor), Map.of());
            a.poll();
            b.poll();
            // B (size 3) proves with its log's tiles that A's checkpoint (size 2) is not a prefix.
            assertSplitViewNoticed(b, a);
            // A (size 2) cannot decide a larger checkpoint yet; once its log shows a size-3 tree
            // that differs from B's, it can.
            assertThat(a.recorder.coded("split-view")).isEmpty();
            a.add(F.entry(TestFederation.join(at(2), "mix-d.test", "op-d.test", "192.0.2.4", 4000), 1, 2, 3));
            a.poll();
            assertSplitViewNoticed(a, b);
        }
    }

    @Test
    void aWitnessShowingAnotherHistoryIsASplitViewToo() throws Exception {
        try (AuditFixture a = new AuditFixture(dir.resolve("a"), "auditor-a.audit.test");
             AuditFixture b = new AuditFixture(dir.resolve("b"), "auditor-b.audit.test")) {
            a.genesis().add(F.entry(TestFederation.join(at(1), "mix-a.test", "op-a.test", "192.0.2.1", 4000), 1, 2, 3));
            b.genesis().add(F.entry(TestFederation.join(at(1), "mix-b.test", "op-b.test", "192.0.2.2", 4000), 1, 2, 3));
            a.poll();
            WitnessApi witness = new WitnessApi() {
                @Override
                public List<dev.virex.core.note.NoteSignature> addCheckpoint(dev.virex.core.witness.AddCheckpointRequest r) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<Bytes> latestCheckpoint(String origin) {
                    return origin.equals(AuditFixture.LOG.name()) ? Optional.of(b.log.checkpoint()) : Optional.empty();
                }
            };
            a.auditor.gossip(Map.of(), Map.of("w1", witness));
            a.poll();
            assertSplitViewNoticed(a, b);
            assertThat(a.recorder.coded("split-view").get(0).subject()).contains("witness w1");
            // Garbage and other logs' checkpoints are ignored.
            a.auditor.exchange(new dev.virex.auditor.gossip.GossipMessage(List.of(Bytes.wrap("junk\n".getBytes()))));
            a.poll();
            assertThat(a.recorder.coded("split-view")).hasSize(1);
        }
    }
}
