package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz tests of the abuse-prevention parsers (regression mode in the suite over the seeds
 * in PowFuzzTestInputs). Property: any input parses canonically or fails with its format's
 * exception.
 */
class PowFuzzTest {
    @FuzzTest
    void params(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(AbuseParams.parse(s).encode()).isEqualTo(s);
        } catch (ParamsFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void timeline(byte[] data) {
        try {
            assertThat(ParamsTimeline.parse(data).encode().getBytes(StandardCharsets.UTF_8)).isEqualTo(data);
        } catch (ParamsFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void solution(byte[] data) {
        try {
            assertThat(PowSolution.decode(data).encode()).isEqualTo(data);
        } catch (PowFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void report(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(EnforcementReport.parse(s).encode()).isEqualTo(s);
        } catch (ReportFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
