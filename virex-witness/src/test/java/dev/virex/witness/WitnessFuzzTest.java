package dev.virex.witness;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.WitnessException;
import dev.virex.core.witness.WitnessFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Jazzer fuzz test of the witness's request handling end to end (parse, open, check, persist):
 * any body gives a cosignature, a format error or a refusal of a spec'd kind, nothing else.
 * Seeds under WitnessFuzzTestInputs.
 */
class WitnessFuzzTest {
    private static final Fixture F = fixture();

    private static Fixture fixture() {
        try {
            return new Fixture(Files.createTempDirectory("witness-fuzz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void addCheckpoint(byte[] body) throws IOException {
        try {
            List<NoteSignature> sigs = F.witness.addCheckpoint(AddCheckpointRequest.parse(body));
            assertThat(sigs).hasSize(1);
        } catch (WitnessFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (WitnessException e) {
            assertThat(e.kind()).isNotNull();
        }
    }

}
