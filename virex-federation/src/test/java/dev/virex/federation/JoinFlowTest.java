package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.federation.api.DirectoryAnswer;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.note.VerifiedNote;
import dev.virex.federation.api.JoinStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinFlowTest {
    @TempDir
    Path dir;

    @Test
    void aWellFormedJoinIsApprovedLoggedAndItsReceiptVerifiesOffline() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), TestFederation.params());
             TestNode node = new TestNode("mix-1.node.test", "operator-a.test", "0.1.0", f.clock)) {
            f.genesis();
            String id = node.submit(f.api(0), TestFederation.NAME);
            assertThat(f.tickUntil(() -> status(f, id).decided(), 20, Duration.ofSeconds(1))).isTrue();
            JoinStatus s = status(f, id);
            assertThat(s.state()).isEqualTo(JoinStatus.APPROVED);
            VerifiedNote note = s.decision().verify(f.groupKey().noteVerifier(), f.logKey.verifierKey().noteVerifier());
            assertThat(Decisions.parse(note.text())).isInstanceOfSatisfying(JoinApproved.class,
                    ja -> assertThat(ja.node().id()).isEqualTo("mix-1.node.test"));
            assertThat(f.directory().orElseThrow().nodes()).containsKey("mix-1.node.test");
            f.tickUntil(() -> false, 2, Duration.ofSeconds(1));
            // A node bootstraps from GET /directory without replaying the log.
            DirectoryAnswer d = f.api(3).directory();
            VerifiedNote snap = d.receipt().verify(f.groupKey().noteVerifier(), f.logKey.verifierKey().noteVerifier());
            DirectorySnapshot ds = (DirectorySnapshot) Decisions.parse(snap.text());
            assertThat(ds.logSize()).isEqualTo(d.index());
            Directory dir = Directory.parse(d.directory());
            assertThat(dir.digest()).isEqualTo(ds.digest());
            assertThat(dir.logSize()).isEqualTo(d.index());
            assertThat(dir.nodes()).containsKey("mix-1.node.test");
            // The coordinator kept the receipt from the append: it answers with it while the log is down.
            int coordinator = java.util.stream.IntStream.range(0, 5)
                    .filter(i -> f.members.get(i).context().store().receipt(id).isPresent()).findFirst().orElseThrow();
            f.logServer.close();
            JoinStatus offline = status(f, coordinator, id);
            assertThat(offline.state()).isEqualTo(JoinStatus.APPROVED);
            assertThat(offline.decision().verify(f.groupKey().noteVerifier(), f.logKey.verifierKey().noteVerifier()).text())
                    .contains("kind join-approved");
        }
    }

    @Test
    void overCapFailingProbeAndStaleSoftwareAreRejectedWithLoggedReasons() throws Exception {
        var params = new java.util.HashMap<>(TestFederation.params());
        params.put("operator.max-nodes", "1");
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), params);
             TestNode first = new TestNode("mix-a.node.test", "operator-b.test", "0.1.0", f.clock);
             TestNode second = new TestNode("mix-b.node.test", "operator-b.test", "0.1.0", f.clock);
             TestNode dark = new TestNode("mix-c.node.test", "operator-c.test", "0.1.0", f.clock);
             TestNode stale = new TestNode("mix-d.node.test", "operator-d.test", "0.0.9", f.clock)) {
            f.genesis();
            String a = first.submit(f.api(0), TestFederation.NAME);
            assertThat(f.tickUntil(() -> status(f, a).decided(), 20, Duration.ofSeconds(1))).isTrue();
            dark.answering = false;
            String b = second.submit(f.api(1), TestFederation.NAME);
            String c = dark.submit(f.api(2), TestFederation.NAME);
            String d = stale.submit(f.api(3), TestFederation.NAME);
            assertThat(f.tickUntil(() -> status(f, 1, b).decided() && status(f, 2, c).decided() && status(f, 3, d).decided(), 30,
                    Duration.ofSeconds(1))).isTrue();
            assertRejected(status(f, 1, b), "operator-cap");
            assertRejected(status(f, 2, c), "probe-failed");
            assertRejected(status(f, 3, d), "software-not-approved");
            assertThat(f.directory().orElseThrow().nodes()).containsOnlyKeys("mix-a.node.test");
            EntryChecks.allVerify(f.entries(), f.groupKey(), f.shares.get(0).group());
        }
    }

    @Test
    void aJoinJustLoggedCountsOnceTowardsItsOperatorsCapWhileItsRequestIsStillOpen() throws Exception {
        var params = new java.util.HashMap<>(TestFederation.params());
        params.put("operator.max-nodes", "2");
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), params);
             TestNode first = new TestNode("mix-e.node.test", "operator-e.test", "0.1.0", f.clock);
             TestNode second = new TestNode("mix-f.node.test", "operator-e.test", "0.1.0", f.clock)) {
            f.genesis();
            String a = first.submit(f.api(0), TestFederation.NAME);
            // Tick member by member and stop right after the tick that logs the approval of a.
            long size = f.log.size();
            int logger = -1;
            for (int round = 0; round < 20 && logger < 0; round++) {
                for (int i = 0; i < f.n && logger < 0; i++) {
                    f.members.get(i).tick();
                    if (f.directory().orElseThrow().nodes().containsKey("mix-e.node.test")) {
                        logger = i;
                    }
                }
                f.clock.advance(Duration.ofSeconds(1));
            }
            assertThat(logger).as("the approval of the first node is logged").isNotNegative();
            assertThat(f.log.size()).isGreaterThan(size);
            // A member that voted yes on a and has not closed it yet: a is both admitted and in flight there.
            int k = java.util.stream.IntStream.range(0, f.n)
                    .filter(i -> f.members.get(i).context().store().openProposals().stream().anyMatch(p -> p.id().equals(a)))
                    .filter(i -> f.members.get(i).context().store().votes(a).stream()
                            .anyMatch(v -> v.member().equals(f.name(i)) && v.yes()))
                    .findFirst().orElseThrow();
            String b = second.submit(f.api(k), TestFederation.NAME);
            f.members.get(k).tick();
            var review = f.members.get(k).context().store().review(b).orElseThrow();
            assertThat(review.state()).as(review.note()).isEqualTo(dev.virex.federation.review.JoinReview.PROBATION);
        }
    }

    static void assertRejected(JoinStatus s, String code) throws Exception {
        assertThat(s.state()).as(s.message()).isEqualTo(JoinStatus.REJECTED);
        assertThat(s.reasons()).anySatisfy(r -> assertThat(r).startsWith(code));
        String text = new String(s.decision().entryBytes().toArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("kind join-rejected").contains("reason " + code);
    }

    static JoinStatus status(TestFederation f, String id) {
        return status(f, 0, id);
    }

    static JoinStatus status(TestFederation f, int member, String id) {
        try {
            return f.api(member).joinStatus(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
