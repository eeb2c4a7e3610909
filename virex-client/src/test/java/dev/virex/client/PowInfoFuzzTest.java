package dev.virex.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.ingress.PowInfo;
import dev.virex.http.HttpProblem;
import dev.virex.http.Json;

/**
 * Jazzer fuzz test of the client's parsing of a mixnode's PoW info (strict JSON into a validating
 * record), regression mode over PowInfoFuzzTestInputs. Property: any body yields a PowInfo whose
 * derived values (identity, key, seeds) are usable, or a 400-class problem; nothing else escapes.
 */
class PowInfoFuzzTest {
    @FuzzTest
    void powInfo(byte[] data) {
        PowInfo info;
        try {
            info = Json.read(data, PowInfo.class);
        } catch (HttpProblem expected) {
            assertThat(expected.status()).isEqualTo(400);
            return;
        }
        assertThat(info.identityBytes().length()).isEqualTo(32);
        assertThat(info.kemKey().length()).isEqualTo(32);
        assertThat(info.epochSeeds().current().seed().length()).isEqualTo(32);
        assertThat(Json.read(Json.write(info), PowInfo.class)).isEqualTo(info);
    }
}
