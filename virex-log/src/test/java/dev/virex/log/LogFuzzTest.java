package dev.virex.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.Bytes;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.http.HttpProblem;
import dev.virex.http.Json;
import dev.virex.log.http.LogJson;
import dev.virex.log.server.Admission;

/**
 * Jazzer fuzz tests of the log's own parsers (regression mode in the suite over the seeds under
 * LogFuzzTestInputs): the admission of {@code POST /add} bodies and the JSON proof answers its
 * client reads. Any input is admitted (and then signed by the federation) or refused with a
 * {@link LogException}; any proof either parses into a well-formed proof or fails with
 * {@link TileFormatException} or a 400 problem.
 */
class LogFuzzTest {
    private static final Admission ADMISSION = new Admission(
            dev.virex.core.note.Verifiers.of(LogFixture.FEDERATION.verifierKey().noteVerifier()));

    @FuzzTest
    void addRequest(byte[] data) {
        try {
            Admission.Admitted a = ADMISSION.admit(Bytes.wrap(data));
            assertThat(a.entry().length()).isBetween(1, Admission.MAX_ENTRY_BYTES);
        } catch (LogException expected) {
            assertThat(expected.kind()).isIn(LogException.Kind.MALFORMED, LogException.Kind.FORBIDDEN, LogException.Kind.TOO_LARGE);
        }
    }

    @FuzzTest
    void inclusionProofJson(byte[] data) {
        try {
            var p = LogJson.parse(Json.read(data, LogJson.Inclusion.class));
            assertThat(p.hashes()).allSatisfy(h -> assertThat(h.length()).isEqualTo(32));
        } catch (TileFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (HttpProblem expected) {
            assertThat(expected.status()).isEqualTo(400);
        }
    }

    @FuzzTest
    void consistencyProofJson(byte[] data) {
        try {
            var p = LogJson.parse(Json.read(data, LogJson.Consistency.class));
            assertThat(p.size1()).isNotNegative();
        } catch (TileFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (HttpProblem expected) {
            assertThat(expected.status()).isEqualTo(400);
        }
    }
}
