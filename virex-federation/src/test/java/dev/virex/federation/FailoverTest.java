package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.api.JoinStatus;
import dev.virex.federation.decide.Ranking;
import dev.virex.federation.ledger.Subjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverTest {
    @TempDir
    Path dir;

    @Test
    void withTwoMembersKilledTheFederationDecidesWithThreeItRefusesAndSaysWhy() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), TestFederation.params());
             TestNode a = new TestNode("mix-x.node.test", "operator-x.test", "0.1.0", f.clock);
             TestNode b = new TestNode("mix-y.node.test", "operator-y.test", "0.1.0", f.clock)) {
            f.genesis();
            byte[] request = a.request(f.api(0), TestFederation.NAME);
            String id = SignedJoinRequest.open(request).id().toHex();
            List<String> names = f.identities.stream().map(k -> k.name()).toList();
            List<String> ranking = Ranking.of(Subjects.join(Bytes.fromHex(id)), names);
            // Kill the two members first in line to coordinate; the third in line receives the request.
            f.kill(names.indexOf(ranking.get(0)));
            f.kill(names.indexOf(ranking.get(1)));
            int entry = names.indexOf(ranking.get(2));
            assertThat(f.api(entry).submitJoin(request).state()).isEqualTo(JoinStatus.REVIEWING);
            assertThat(f.tickUntil(() -> JoinFlowTest.status(f, entry, id).decided(), 40, Duration.ofSeconds(1))).isTrue();
            JoinStatus s = JoinFlowTest.status(f, entry, id);
            assertThat(s.state()).isEqualTo(JoinStatus.APPROVED);
            assertThat(s.decision().verify(f.groupKey().noteVerifier(), f.logKey.verifierKey().noteVerifier()).text())
                    .contains("kind join-approved");

            // A third member dies: two remain, fewer than M = 3.
            int third = names.indexOf(ranking.get(3)) == entry ? names.indexOf(ranking.get(4)) : names.indexOf(ranking.get(3));
            f.kill(third);
            String id2 = f.api(entry).submitJoin(b.request(f.api(entry), TestFederation.NAME)).id();
            long logSize = f.log.size();
            f.tickUntil(() -> false, 20, Duration.ofSeconds(1));
            JoinStatus stuck = JoinFlowTest.status(f, entry, id2);
            assertThat(stuck.state()).isEqualTo(JoinStatus.REVIEWING);
            assertThat(stuck.yes()).isEqualTo(2);
            List<String> dead = List.of(ranking.get(0), ranking.get(1), names.get(third));
            assertThat(stuck.unreachable()).containsExactlyInAnyOrderElementsOf(dead);
            assertThat(stuck.waitingFor()).containsExactlyInAnyOrderElementsOf(dead);
            assertThat(stuck.message()).startsWith("cannot decide: 2 of 3 approvals").contains(dead.get(0)).contains(dead.get(1))
                    .contains(dead.get(2));
            // Not even the expiry can be signed: it too needs M members.
            f.clock.advance(Duration.ofMinutes(11));
            f.tickUntil(() -> false, 5, Duration.ofSeconds(1));
            assertThat(JoinFlowTest.status(f, entry, id2).state()).isEqualTo(JoinStatus.REVIEWING);
            assertThat(f.log.size()).as("nothing logged without M members").isEqualTo(logSize);
        }
    }

    @Test
    void aRestartedMemberKeepsItsPendingRequestsVotesAndNonces() throws Exception {
        try (TestFederation f = new TestFederation(dir, 5, 3, UnaryOperator.identity(), TestFederation.params());
             TestNode a = new TestNode("mix-z.node.test", "operator-z.test", "0.1.0", f.clock)) {
            f.genesis();
            byte[] request = a.request(f.api(1), TestFederation.NAME);
            String id = f.api(1).submitJoin(request).id();
            f.tick(); // forwarded, probation probes made
            f.clock.advance(Duration.ofSeconds(1));
            f.members.get(1).tick(); // member 2 votes
            f.restart(1);
            var store = f.members.get(1).context().store();
            assertThat(store.proposal(id)).isPresent();
            assertThat(store.votes(id)).anySatisfy(v -> assertThat(v.member()).isEqualTo(f.name(1)));
            // The same request again, or its nonce under another request, is a replay.
            assertThatThrownBy(() -> f.api(1).submitJoin(request)).isInstanceOfSatisfying(FederationException.class,
                    e -> assertThat(e.status()).isEqualTo(409));
            assertThat(f.tickUntil(() -> JoinFlowTest.status(f, 1, id).decided(), 20, Duration.ofSeconds(1))).isTrue();
            assertThat(JoinFlowTest.status(f, 1, id).state()).isEqualTo(JoinStatus.APPROVED);
        }
    }
}
