package dev.virex.node.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.note.NoteVerifier;
import dev.virex.testkit.TestKeys;

/**
 * Jazzer fuzz test of the persisted state parser: a state that encodes back to the same bytes, or
 * a {@link StateFormatException}. The seeds' checkpoints are signed by the test key
 * {@code log.state.test}.
 */
class FollowerStateFuzzTest {
    static final NoteVerifier LOG = TestKeys.signer("log.state.test").verifierKey().noteVerifier();

    @FuzzTest
    void state(byte[] data) {
        try {
            FollowerState s = FollowerState.parse(data, LOG);
            assertThat(s.encode()).isEqualTo(data);
        } catch (StateFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
