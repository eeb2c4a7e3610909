package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.DirectoryParamsSource;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.note.Note;
import dev.virex.core.pow.ParamsView;
import dev.virex.federation.api.AdminClient;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.api.JoinStatus;
import dev.virex.federation.config.ReviewPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceTest {
    @TempDir
    Path dir;

    static AdminClient admin(TestFederation f, int i) {
        return new AdminClient(f.servers.get(i).baseUri(), f.identities.get(i), f.clock, Duration.ofSeconds(5));
    }

    static List<Decision> decisions(TestFederation f) throws Exception {
        List<Decision> out = new java.util.ArrayList<>();
        for (Bytes e : f.entries()) {
            out.add(Decisions.parse(Note.parse(e.toArray()).text()));
        }
        return out;
    }

    static void admit(TestFederation f, TestNode node) throws Exception {
        String id = node.submit(f.api(0), TestFederation.NAME);
        assertThat(f.tickUntil(() -> JoinFlowTest.status(f, id).decided(), 20, Duration.ofSeconds(1))).isTrue();
        assertThat(JoinFlowTest.status(f, id).state()).isEqualTo(JoinStatus.APPROVED);
    }

    @Test
    void aRemovalAndAPowParameterChangeAreLogged() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), TestFederation.params());
             TestNode node = new TestNode("mix-r.node.test", "operator-r.test", "0.1.0", f.clock)) {
            f.genesis();
            admit(f, node);
            String removal = admin(f, 2).propose(new AdminMessages.Propose("remove", "mix-r.node.test",
                    List.of("operator-request the operator retires the node"), List.of("ticket:42"), null, null));
            assertThat(removal).hasSize(64);
            assertThat(f.tickUntil(() -> !f.directory().orElseThrow().nodes().containsKey("mix-r.node.test"), 20, Duration.ofSeconds(1)))
                    .isTrue();
            NodeRemoved nr = decisions(f).stream().filter(d -> d instanceof NodeRemoved).map(d -> (NodeRemoved) d).findFirst().orElseThrow();
            assertThat(nr.reasons().get(0).code()).isEqualTo("operator-request");
            assertThat(nr.evidence()).containsExactly("ticket:42");

            Instant activation = f.clock.instant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            admin(f, 4).propose(new AdminMessages.Propose("params", null, null, null, activation.toString(),
                    Map.of("abuse.effort-floor", "64", "abuse.effort-ceiling", "4096")));
            assertThat(f.tickUntil(() -> {
                try {
                    return decisions(f).stream().anyMatch(d -> d instanceof ParamsChanged pc && "64".equals(pc.params().get("abuse.effort-floor")));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, 20, Duration.ofSeconds(1))).isTrue();
            // Mixnodes following the directory switch exactly at the activation time.
            DirectoryParamsSource source = new DirectoryParamsSource(() -> f.directory().orElseThrow());
            ParamsView before = source.at(activation.minusSeconds(1));
            assertThat(before.params().effortFloor()).isEqualTo(16);
            assertThat(before.next()).hasValueSatisfying(n -> assertThat(n.activation()).isEqualTo(activation));
            assertThat(source.at(activation).params().effortFloor()).isEqualTo(64);
            // An unknown parameter is refused at once, naming the known ones.
            assertThatThrownBy(() -> admin(f, 0).propose(new AdminMessages.Propose("params", null, null, null, null, Map.of("pow.x", "1"))))
                    .isInstanceOfSatisfying(FederationException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.getMessage()).contains("unknown parameter 'pow.x'");
                    });
            EntryChecks.allVerify(f.entries(), f.groupKey(), f.shares.get(0).group());
        }
    }

    @Test
    void monitoringProposesTheRemovalOfANodeThatGoesDark() throws Exception {
        UnaryOperator<ReviewPolicy> monitored = p -> p.withMonitoring(new ReviewPolicy.Monitoring(true, 10, 30));
        try (TestFederation f = new TestFederation(dir, 5, 3, monitored, TestFederation.params());
             TestNode node = new TestNode("mix-m.node.test", "operator-m.test", "0.1.0", f.clock)) {
            f.genesis();
            admit(f, node);
            f.tickUntil(() -> false, 3, Duration.ofSeconds(10));
            assertThat(f.live().monitor().health("mix-m.node.test").passed()).isGreaterThanOrEqualTo(1);
            node.answering = false;
            assertThat(f.tickUntil(() -> !f.directory().orElseThrow().nodes().containsKey("mix-m.node.test"), 30, Duration.ofSeconds(5)))
                    .isTrue();
            NodeRemoved nr = decisions(f).stream().filter(d -> d instanceof NodeRemoved).map(d -> (NodeRemoved) d).findFirst().orElseThrow();
            assertThat(nr.reasons().get(0).code()).isEqualTo("probe-failed");
            assertThat(nr.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e).matches("probe:[0-9a-f]{64}"));
        }
    }

    @Test
    void epochsRotateAndAStampForThePreviousSeedIsStillAccepted() throws Exception {
        try (TestFederation f = new TestFederation(dir, 3, 2, UnaryOperator.identity(), TestFederation.params());
             TestNode node = new TestNode("mix-e.node.test", "operator-e.test", "0.1.0", f.clock);
             TestNode late = new TestNode("mix-f.node.test", "operator-f.test", "0.1.0", f.clock)) {
            f.genesis();
            Bytes seed0 = f.directory().orElseThrow().epoch().orElseThrow().seed();
            f.clock.advance(Duration.ofHours(1));
            assertThat(f.tickUntil(() -> f.directory().orElseThrow().epoch().map(EpochInfo::epoch).orElse(0L) == 1, 10, Duration.ofSeconds(1)))
                    .isTrue();
            assertThat(f.api(0).submitJoin(node.request(f.api(0), TestFederation.NAME, seed0)).state()).isEqualTo(JoinStatus.REVIEWING);
            f.clock.advance(Duration.ofHours(1));
            assertThat(f.tickUntil(() -> f.directory().orElseThrow().epoch().map(EpochInfo::epoch).orElse(0L) == 2, 10, Duration.ofSeconds(1)))
                    .isTrue();
            assertThatThrownBy(() -> f.api(0).submitJoin(late.request(f.api(0), TestFederation.NAME, seed0)))
                    .isInstanceOfSatisfying(FederationException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.getMessage()).contains("invalid-stamp");
                    });
        }
    }
}
