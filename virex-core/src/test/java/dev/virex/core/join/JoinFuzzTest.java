package dev.virex.core.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Jazzer fuzz tests of the join request parsers: canonical and verified, or a format error. */
class JoinFuzzTest {
    @FuzzTest
    void open(byte[] data) {
        try {
            SignedJoinRequest s = SignedJoinRequest.open(data);
            assertThat(s.note().toArray()).isEqualTo(data);
            assertThat(JoinRequest.parse(s.request().text())).isEqualTo(s.request());
        } catch (JoinFormatException expected) {
            assertThat(expected.kind()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void parse(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(JoinRequest.parse(s).text()).isEqualTo(s);
        } catch (JoinFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
