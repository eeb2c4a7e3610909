package dev.virex.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer fuzz test of the tlog-policy parser: a policy or a format error, nothing else. */
class PolicyFuzzTest {
    @FuzzTest
    void policy(byte[] data) {
        try {
            TlogPolicy p = TlogPolicy.parse(data);
            assertThat(TlogPolicy.parse(p.text())).isEqualTo(p);
        } catch (PolicyFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
