package dev.virex.core.witness;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of the tlog-witness wire formats: any input either parses canonically or fails
 * with {@link WitnessFormatException}. Seeds under WitnessFuzzTestInputs.
 */
class WitnessFuzzTest {
    @FuzzTest
    void addCheckpointRequest(byte[] data) {
        try {
            AddCheckpointRequest r = AddCheckpointRequest.parse(data);
            assertThat(r.encode()).isEqualTo(data);
        } catch (WitnessFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void cosignatureLines(byte[] data) {
        try {
            assertThat(CosignatureLines.encode(CosignatureLines.parse(data))).isEqualTo(data);
        } catch (WitnessFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
