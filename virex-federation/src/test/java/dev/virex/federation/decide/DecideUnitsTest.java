package dev.virex.federation.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.federation.store.Records;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecideUnitsTest {
    static final List<String> MEMBERS = List.of("m1.fed", "m2.fed", "m3.fed", "m4.fed", "m5.fed");

    @Test
    void rankingIsSha256OfKeyAndNameAscending() throws Exception {
        String id = "ab".repeat(32);
        List<String> r = Ranking.of("join:" + id, MEMBERS);
        assertThat(r).containsExactlyInAnyOrderElementsOf(MEMBERS);
        List<String> expected = MEMBERS.stream().sorted(Comparator.comparing((String m) -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(Bytes.fromHex(id).toArray());
                sha.update(m.getBytes(StandardCharsets.UTF_8));
                return Bytes.wrap(sha.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        assertThat(r).isEqualTo(expected);
        assertThat(Ranking.of("epoch:1", MEMBERS)).isNotEqualTo(Ranking.of("epoch:2", MEMBERS)).hasSize(5);
    }

    @Test
    void tallyCollectsReasonsInMemberOrderWithoutRepeats() {
        Instant t = Instant.EPOCH;
        Tally tally = Tally.of(List.of(new Records.Vote("p", "m1", false, List.of("a x", "b y"), t),
                new Records.Vote("p", "m2", true, List.of(), t), new Records.Vote("p", "m3", false, List.of("b y", "c z"), t)));
        assertThat(tally.yes()).containsExactly("m2");
        assertThat(tally.no()).containsExactly("m1", "m3");
        assertThat(tally.reasons()).containsExactly("a x", "b y", "c z");
        assertThat(tally.voted()).containsExactlyInAnyOrder("m1", "m2", "m3");
    }

    @Test
    void requestsAndProposalsValidateOnConstruction() {
        String t = "2026-01-01T00:00:00Z";
        assertThat(new DecisionRequest("epoch:0", DecisionRequest.DECIDE, t, null, t).startInstant()).isPresent();
        assertThatThrownBy(() -> new DecisionRequest("epoch:01", DecisionRequest.DECIDE, t, null, null)).hasMessageContaining("subject");
        assertThatThrownBy(() -> new DecisionRequest("join:" + "a".repeat(64), DecisionRequest.DECIDE, t, null, null))
                .hasMessageContaining("approved, rejected or expired");
        assertThatThrownBy(() -> new DecisionRequest("genesis", DecisionRequest.DECIDE, "2026-01-01T00:00:00.5Z", null, null))
                .hasMessageContaining("time");
        assertThatThrownBy(() -> new DecisionRequest("genesis", DecisionRequest.DECIDE, t, List.of("Bad Code"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DecisionRequest.normalize("probe-failed  " + "x".repeat(300) + "\n")).hasSize("probe-failed ".length() + 200);
        assertThatThrownBy(() -> ProposalBody.params("m1.fed", Instant.parse(t), Instant.parse(t), Map.of()))
                .hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> new ProposalBody("remove", "m1.fed", t, "not a key", List.of("x"), List.of(), null, null))
                .hasMessageContaining("vkey");
        assertThatThrownBy(() -> new Ballots.VotePayload("a".repeat(64), false, List.of())).hasMessageContaining("1 to 16 reasons");
    }
}
