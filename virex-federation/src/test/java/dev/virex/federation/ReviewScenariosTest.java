package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Scalar;
import dev.virex.crypto.frost.ShareMessage;
import dev.virex.crypto.frost.SignatureShare;
import dev.virex.federation.api.AdminClient;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.JoinStatus;
import dev.virex.federation.config.ReviewPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewScenariosTest {
    @TempDir
    Path dir;

    static AdminClient admin(TestFederation f, int i) {
        return new AdminClient(f.servers.get(i).baseUri(), f.identities.get(i), f.clock, Duration.ofSeconds(5));
    }

    @Test
    void newOperatorsWaitForManualReviewThenAreApprovedOrRejected() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, (i, p) -> p.withManualReview(true, List.of()), TestFederation.params(),
                i -> null);
             TestNode a = new TestNode("mix-n1.node.test", "operator-new1.test", "0.1.0", f.clock);
             TestNode b = new TestNode("mix-n2.node.test", "operator-new2.test", "0.1.0", f.clock)) {
            f.genesis();
            String ida = a.submit(f.api(0), TestFederation.NAME);
            String idb = b.submit(f.api(0), TestFederation.NAME);
            f.tickUntil(() -> false, 4, Duration.ofSeconds(1));
            assertThat(JoinFlowTest.status(f, ida).state()).isEqualTo(JoinStatus.REVIEWING);
            List<AdminMessages.ReviewItem> items = admin(f, 1).reviewList();
            assertThat(items).extracting(AdminMessages.ReviewItem::id).contains(ida, idb);
            assertThat(items).filteredOn(x -> x.id().equals(ida)).singleElement().satisfies(x -> {
                assertThat(x.state()).isEqualTo("manual");
                assertThat(x.note()).contains("operator operator-new1.test is new");
                assertThat(x.summary()).contains("mix-n1.node.test").contains("eu-west");
            });
            for (int i = 0; i < 3; i++) {
                admin(f, i).vote(ida, true, List.of());
                admin(f, i).vote(idb, false, List.of("operator-unknown no references for this operator"));
            }
            assertThat(f.tickUntil(() -> JoinFlowTest.status(f, ida).decided() && JoinFlowTest.status(f, idb).decided(), 20,
                    Duration.ofSeconds(1))).isTrue();
            assertThat(JoinFlowTest.status(f, ida).state()).isEqualTo(JoinStatus.APPROVED);
            JoinFlowTest.assertRejected(JoinFlowTest.status(f, idb), "operator-unknown");
        }
    }

    @Test
    void aSplitVoteExpiresIntoALoggedRejection() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, (i, p) -> i < 2 ? withRegions(p, List.of("us-east")) : p,
                TestFederation.params(), i -> null);
             TestNode a = new TestNode("mix-s.node.test", "operator-s.test", "0.1.0", f.clock)) {
            f.genesis();
            f.kill(4);
            String id = a.submit(f.api(2), TestFederation.NAME);
            f.tickUntil(() -> false, 5, Duration.ofSeconds(1));
            JoinStatus s = JoinFlowTest.status(f, 2, id);
            assertThat(s.yes()).isEqualTo(2);
            assertThat(s.no()).isEqualTo(2);
            f.clock.advance(Duration.ofMinutes(10));
            assertThat(f.tickUntil(() -> JoinFlowTest.status(f, 2, id).decided(), 30, Duration.ofSeconds(1))).isTrue();
            JoinFlowTest.assertRejected(JoinFlowTest.status(f, 2, id), "expired");
            assertThat(JoinFlowTest.status(f, 2, id).reasons()).anySatisfy(r -> assertThat(r).startsWith("region-not-allowed"));
        }
    }

    static ReviewPolicy withRegions(ReviewPolicy p, List<String> regions) {
        return new ReviewPolicy(p.approvedSoftware(), p.minBandwidthMbps(), regions, p.maxNodesPerOperator(), p.maxNodesPerSubnet(),
                p.maxRegionShare(), p.regionShareMinNodes(), p.probation(), p.manualReviewNewOperators(), p.knownOperators(),
                p.autoApproveProposals(), p.monitoring());
    }

    /** A member whose signature shares are wrong: identified, and the round retried without it. */
    static MemberEndpoints corrupting(MemberEndpoints m) {
        return new MemberEndpoints() {
            @Override
            public FederationApi api() {
                return m.api();
            }

            @Override
            public byte[] memberCall(String kind, byte[] envelope) {
                byte[] answer = m.memberCall(kind, envelope);
                if (!kind.equals("sign")) {
                    return answer;
                }
                try {
                    ShareMessage s = ShareMessage.parse(answer);
                    return new ShareMessage(s.groupId(), s.session(), new SignatureShare(s.member(), s.share().share().add(Scalar.ONE))).encode();
                } catch (FrostException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public byte[] adminCall(String kind, byte[] envelope) {
                return m.adminCall(kind, envelope);
            }

            @Override
            public Map<String, Object> health() {
                return m.health();
            }

            @Override
            public List<MemberServer.NodeView> nodes() {
                return m.nodes();
            }
        };
    }

    @Test
    void aMemberWithABadShareIsNamedAndTheRoundRetriedWithoutIt() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, (i, p) -> p, TestFederation.params(),
                i -> i == 4 ? ReviewScenariosTest::corrupting : null);
             TestNode a = new TestNode("mix-b.node.test", "operator-bb.test", "0.1.0", f.clock)) {
            f.genesis();
            String id = a.submit(f.api(0), TestFederation.NAME);
            assertThat(f.tickUntil(() -> JoinFlowTest.status(f, id).decided(), 20, Duration.ofSeconds(1))).isTrue();
            JoinStatus s = JoinFlowTest.status(f, id);
            assertThat(s.state()).isEqualTo(JoinStatus.APPROVED);
            DecisionEntry e = DecisionEntry.open(s.decision().entryBytes().toArray(), f.shares.get(0).group());
            assertThat(e.signers()).hasSizeGreaterThanOrEqualTo(3).doesNotContain(f.name(4));
            for (var entry : f.entries()) {
                assertThat(DecisionEntry.open(entry.toArray(), f.shares.get(0).group()).signers()).doesNotContain(f.name(4));
            }
        }
    }
}
