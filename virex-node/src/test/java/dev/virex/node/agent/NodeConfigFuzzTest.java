package dev.virex.node.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Jazzer fuzz test of the node configuration parser: a configuration whose canonical text parses
 * back to itself, or a {@link ConfigFormatException}, nothing else. Seeds under
 * src/test/resources/.../NodeConfigFuzzTestInputs.
 */
class NodeConfigFuzzTest {
    @FuzzTest
    void config(byte[] data) {
        try {
            NodeConfig c = NodeConfig.parse(new String(data, StandardCharsets.UTF_8), Path.of("/etc/virex"));
            assertThat(NodeConfig.parse(c.text(), Path.of("/elsewhere"))).isEqualTo(c);
        } catch (ConfigFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
