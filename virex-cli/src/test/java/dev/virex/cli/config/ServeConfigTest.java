package dev.virex.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ServeConfigTest {
    static final Map<String, ServeConfig.Kind> LOG = ServeConfigFuzzTest.LOG;

    static ServeConfig parse(String text) throws ServeConfigException {
        return ServeConfig.parse(text.getBytes(StandardCharsets.UTF_8), "log", LOG);
    }

    @Test
    void settingsInFileOrderWithTheirLines() throws Exception {
        ServeConfig c = parse("# the log\n\nvirex-log-config/v1\ndata log\n# keys\nfederation-vkey a+1+x\nfederation-vkey b+2+y\n"
                + "allow-plain-http no\n");
        assertThat(c.role()).isEqualTo("log");
        assertThat(c.settings()).containsExactly(new ServeConfig.Setting("data", "log", 4),
                new ServeConfig.Setting("federation-vkey", "a+1+x", 6), new ServeConfig.Setting("federation-vkey", "b+2+y", 7),
                new ServeConfig.Setting("allow-plain-http", "no", 8));
        assertThat(c.text()).isEqualTo("virex-log-config/v1\ndata log\nfederation-vkey a+1+x\nfederation-vkey b+2+y\nallow-plain-http no\n");
        assertThat(parse(c.text())).isEqualTo(c);
        assertThat(parse("virex-log-config/v1\n").settings()).isEmpty();
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        List<String[]> cases = List.of(
                new String[] {"", "empty configuration: the first line must be virex-log-config/v1"},
                new String[] {"# only a comment\n", "empty configuration"},
                new String[] {"virex-witness-config/v1\n", "line 1: the first line must be virex-log-config/v1"},
                new String[] {"data log\n", "line 1: the first line must be"},
                new String[] {"virex-log-config/v1\ncolour blue\n", "line 2: unknown key 'colour'"},
                new String[] {"virex-log-config/v1\ndata\n", "line 2: data needs one value"},
                new String[] {"virex-log-config/v1\ndata two words\n", "line 2: data needs one value"},
                new String[] {"virex-log-config/v1\ndata  log\n", "line 2: data needs one value"},
                new String[] {"virex-log-config/v1\ndata log\r\n", "line 2: data needs one value"},
                new String[] {"virex-log-config/v1\n data log\n", "line 2: unknown key ''"},
                new String[] {"virex-log-config/v1\ndata a\ndata b\n", "line 3: data appears twice"},
                new String[] {"virex-log-config/v1\nallow-plain-http maybe\n", "line 2: allow-plain-http takes yes or no"},
                new String[] {"virex-log-config/v1\n" + "tls-pin p\n".repeat(65), "line 66: tls-pin appears more than 64 times"},
                new String[] {"virex-log-config/v1\ndata " + "d".repeat(1025) + "\n", "line 2: data needs one value"},
                new String[] {"virex-log-config/v1\ndata l\u00f6g\n", "line 2: data needs one value"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[1]).isInstanceOf(ServeConfigException.class).hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> parse("#".repeat(ServeConfig.MAX_BYTES + 1))).hasMessageContaining("longer than 16384 bytes");
        assertThatThrownBy(() -> parse("\n".repeat(ServeConfig.MAX_LINES + 1))).hasMessageContaining("more than 256 lines");
    }

    @Test
    void theFuzzSeedsAreWhatTheirNamesSay() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("ServeConfigFuzzTestInputs/config").toURI());
        List<Path> seeds;
        try (Stream<Path> s = Files.list(dir)) {
            seeds = s.sorted().toList();
        }
        assertThat(seeds).hasSizeGreaterThan(4);
        for (Path f : seeds) {
            byte[] data = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            if (name.startsWith("valid_")) {
                assertThat(catchParse(data)).as(name).isNull();
            } else {
                assertThat(name).startsWith("error_");
                assertThat(catchParse(data)).as(name).isInstanceOf(ServeConfigException.class);
            }
        }
    }

    private static Exception catchParse(byte[] data) {
        try {
            ServeConfig.parse(data, "log", LOG);
            return null;
        } catch (ServeConfigException e) {
            return e;
        }
    }
}
