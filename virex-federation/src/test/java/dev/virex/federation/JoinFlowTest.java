package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.decision.Decisions;
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
        }
    }

    static JoinStatus status(TestFederation f, String id) {
        try {
            return f.api(0).joinStatus(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
