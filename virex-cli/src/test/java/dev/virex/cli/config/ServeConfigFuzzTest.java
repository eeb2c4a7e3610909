package dev.virex.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Jazzer fuzz test of the serve configuration parser: a configuration whose canonical text parses
 * back to the same settings, or a {@link ServeConfigException} naming what is wrong, nothing else.
 * Seeds under src/test/resources/dev/virex/cli/config/ServeConfigFuzzTestInputs/config.
 */
class ServeConfigFuzzTest {
    /** The keys of {@code virex log serve}, as {@link ConfigFlags#schema} derives them. */
    static final Map<String, ServeConfig.Kind> LOG = Map.of("data", ServeConfig.Kind.ONE, "listen", ServeConfig.Kind.ONE,
            "key", ServeConfig.Kind.ONE, "federation-vkey", ServeConfig.Kind.MANY, "witness-policy", ServeConfig.Kind.ONE,
            "tls-cert", ServeConfig.Kind.ONE, "tls-key", ServeConfig.Kind.ONE, "allow-plain-http", ServeConfig.Kind.YES_NO,
            "tls-ca", ServeConfig.Kind.ONE, "tls-pin", ServeConfig.Kind.MANY);

    @FuzzTest
    void config(byte[] data) throws ServeConfigException {
        ServeConfig c;
        try {
            c = ServeConfig.parse(data, "log", LOG);
        } catch (ServeConfigException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        ServeConfig again = ServeConfig.parse(c.text().getBytes(StandardCharsets.UTF_8), "log", LOG);
        assertThat(again).isEqualTo(c);
        assertThat(again.text()).isEqualTo(c.text());
    }
}
