package dev.virex.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.support.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionVectorsTest {
    static Stream<String> decisions() {
        return Vectors.cases("decision", ".txt");
    }

    static Stream<String> directories() {
        return Vectors.cases("directory", ".txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decisionVector(String c) {
        String text = new String(Vectors.bytes("decision", c + ".txt"), StandardCharsets.UTF_8);
        if (c.startsWith("valid_")) {
            assertThat(c).isEqualTo("valid_" + parse(text).kind().wire().replace('-', '_')
                    + (c.endsWith("_snapshot") ? "_snapshot" : ""));
        } else {
            assertThatThrownBy(() -> Decisions.parse(text)).isInstanceOf(DecisionFormatException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directories")
    void directoryVector(String c) throws Exception {
        String text = new String(Vectors.bytes("directory", c + ".txt"), StandardCharsets.UTF_8);
        if (c.startsWith("valid_")) {
            Directory d = Directory.parse(text);
            assertThat(d.text()).isEqualTo(text);
            assertThat(d.nodes()).hasSize(1);
            assertThat(d.epoch()).isPresent();
        } else {
            assertThatThrownBy(() -> Directory.parse(text)).isInstanceOf(DecisionFormatException.class);
        }
    }

    private static Decision parse(String text) {
        try {
            Decision d = Decisions.parse(text);
            assertThat(d.text()).isEqualTo(text);
            return d;
        } catch (DecisionFormatException e) {
            throw new AssertionError(e);
        }
    }
}
