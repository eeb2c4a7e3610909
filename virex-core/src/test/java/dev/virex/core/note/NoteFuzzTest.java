package dev.virex.core.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz tests of the note parsers. In the test suite they run in regression mode over the
 * seeds under src/test/resources/.../NoteFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes for real.
 * The property: any input either parses canonically or fails with {@link NoteException}.
 */
class NoteFuzzTest {
    private static final Verifiers PETER = verifiers();

    private static Verifiers verifiers() {
        try {
            return Verifiers.of(VerifierKey.parse(NoteTest.PETER_VKEY).noteVerifier());
        } catch (NoteException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void parse(byte[] data) {
        try {
            Note note = Note.parse(data);
            assertThat(note.encode()).isEqualTo(data);
        } catch (NoteException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void open(byte[] data) {
        try {
            VerifiedNote note = Note.open(data, PETER);
            assertThat(note.verified()).isNotEmpty();
        } catch (NoteException expected) {
            assertThat(expected.kind()).isNotNull();
        }
    }

    @FuzzTest
    void verifierKey(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(VerifierKey.parse(s).encode()).isEqualTo(s);
        } catch (NoteException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void signerKey(byte[] data) {
        try {
            SignerKey.parse(new String(data, StandardCharsets.UTF_8));
        } catch (NoteException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
