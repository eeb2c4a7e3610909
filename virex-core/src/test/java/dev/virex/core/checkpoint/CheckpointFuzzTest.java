package dev.virex.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import java.nio.charset.StandardCharsets;

/** Jazzer fuzz tests of the checkpoint parsers (regression mode in the suite). */
class CheckpointFuzzTest {
    private static final VerifierKey SUMDB = key();

    private static VerifierKey key() {
        try {
            return VerifierKey.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
        } catch (NoteException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void text(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Checkpoint.parse(s).text()).isEqualTo(s);
        } catch (CheckpointFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void signed(byte[] data) {
        try {
            SignedCheckpoint cp = SignedCheckpoint.open(data, "go.sum database tree", SUMDB.noteVerifier());
            assertThat(cp.raw().toArray()).isEqualTo(data);
        } catch (NoteException | CheckpointFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
