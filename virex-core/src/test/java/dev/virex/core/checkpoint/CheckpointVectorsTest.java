package dev.virex.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.support.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real sum.golang.org checkpoints and checkpoint texts checked in under vectors/checkpoint. */
class CheckpointVectorsTest {
    static Stream<String> signed() {
        return Vectors.cases("checkpoint", ".note");
    }

    static Stream<String> texts() {
        return Vectors.cases("checkpoint", ".txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signed")
    void signedCheckpointHasItsNamedOutcome(String c) throws Exception {
        byte[] msg = Vectors.bytes("checkpoint", c + ".note");
        VerifierKey key = VerifierKey.parse(Vectors.lines("checkpoint", c + ".vkeys").get(0));
        String origin = Vectors.lines("checkpoint", c + ".origin").get(0);
        if (c.startsWith("valid_")) {
            SignedCheckpoint cp = SignedCheckpoint.open(msg, origin, key.noteVerifier());
            assertThat(cp.checkpoint().origin()).isEqualTo(origin);
            assertThat(c).endsWith("_" + cp.checkpoint().size());
        } else {
            assertThatThrownBy(() -> SignedCheckpoint.open(msg, origin, key.noteVerifier()))
                    .isInstanceOf(NoteException.class)
                    .satisfies(e -> assertThat(((NoteException) e).kind()).isEqualTo(NoteException.Kind.INVALID_SIGNATURE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void checkpointTextHasItsNamedOutcome(String c) throws Exception {
        String text = new String(Vectors.bytes("checkpoint", c + ".txt"), StandardCharsets.UTF_8);
        if (c.startsWith("valid_")) {
            assertThat(Checkpoint.parse(text).text()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(CheckpointFormatException.class);
        }
    }
}
