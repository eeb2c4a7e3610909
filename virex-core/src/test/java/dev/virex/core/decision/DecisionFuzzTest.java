package dev.virex.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Jazzer fuzz tests of the decision and directory parsers: canonical or a format error, nothing else. */
class DecisionFuzzTest {
    @FuzzTest
    void decision(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Decisions.parse(s).text()).isEqualTo(s);
        } catch (DecisionFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void directory(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Directory.parse(s).text()).isEqualTo(s);
        } catch (DecisionFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
