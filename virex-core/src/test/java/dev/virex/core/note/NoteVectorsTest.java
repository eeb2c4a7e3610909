package dev.virex.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.support.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Published signed-note examples (C2SP, golang.org/x/mod) checked in under vectors/note. */
class NoteVectorsTest {
    static Stream<String> cases() {
        return Vectors.cases("note", ".note");
    }

    private static Verifiers verifiers(String c) throws NoteException {
        List<VerifierKey> keys = new ArrayList<>();
        for (String line : Vectors.lines("note", c + ".vkeys")) {
            keys.add(VerifierKey.parse(line));
        }
        return Verifiers.ofKeys(keys);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorHasItsNamedOutcome(String c) throws Exception {
        byte[] msg = Vectors.bytes("note", c + ".note");
        Verifiers known = verifiers(c);
        if (c.startsWith("valid_")) {
            VerifiedNote note = Note.open(msg, known);
            assertThat(note.verified()).isNotEmpty();
            assertThat(Note.parse(msg).encode()).as("parse is canonical").isEqualTo(msg);
        } else {
            NoteException.Kind kind = expectedKind(c);
            assertThatThrownBy(() -> Note.open(msg, known))
                    .isInstanceOf(NoteException.class)
                    .satisfies(e -> assertThat(((NoteException) e).kind()).isEqualTo(kind));
        }
    }

    static NoteException.Kind expectedKind(String c) {
        for (NoteException.Kind k : NoteException.Kind.values()) {
            if (c.startsWith("error_" + k.name().toLowerCase() + "_")) {
                return k;
            }
        }
        throw new IllegalStateException("vector " + c + " does not name its outcome");
    }
}
