package dev.virex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command-line value parsers: a value or IllegalArgumentException, nothing else. */
class NetArgsFuzzTest {
    @FuzzTest
    void hostPort(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            var a = NetArgs.hostPort(s);
            assertThat(a.getPort()).isBetween(0, 65535);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void duration(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(NetArgs.duration(s).isNegative()).isFalse();
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void examples() {
        assertThat(NetArgs.hostPort("127.0.0.1:7400").getPort()).isEqualTo(7400);
        assertThat(NetArgs.hostPort("[::1]:80").getHostString()).isEqualTo("::1");
        assertThat(NetArgs.hostPort("mixnode.example:1").isUnresolved()).isTrue();
        assertThat(NetArgs.resolve(NetArgs.hostPort("127.0.0.1:7400")).getAddress().isLoopbackAddress()).isTrue();
        assertThat(NetArgs.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(NetArgs.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(NetArgs.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }
}
