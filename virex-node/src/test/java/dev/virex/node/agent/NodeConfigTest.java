package dev.virex.node.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.decision.NodeRole;
import dev.virex.testkit.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import dev.virex.http.TlsSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
    static final Path BASE = Path.of("/etc/virex");
    static final String FED = TestKeys.signer("federation.config.test").verifierKey().encode();
    static final String MINIMAL = NodeConfig.VERSION + "\nkey node.key\nrole mailbox\nfederation " + FED
            + "\npolicy policy.txt\nstate /var/lib/virex\ncontrol 127.0.0.1:7401\n";

    @Test
    void aMinimalConfigurationGetsTheDefaults() throws Exception {
        NodeConfig c = NodeConfig.parse("# a mailbox\n\n" + MINIMAL, BASE);
        assertThat(c.key()).isEqualTo(Path.of("/etc/virex/node.key"));
        assertThat(c.state()).isEqualTo(Path.of("/var/lib/virex"));
        assertThat(c.role()).isEqualTo(NodeRole.MAILBOX);
        assertThat(c.control()).isEqualTo(new Endpoint("127.0.0.1", 7401));
        assertThat(c.listen()).isEmpty();
        assertThat(c.bootstrap()).isEmpty();
        assertThat(c.pollInterval()).isEqualTo(NodeConfig.DEFAULT_POLL);
        assertThat(c.monitorInterval()).isEqualTo(NodeConfig.DEFAULT_MONITOR);
        assertThat(c.monitorPeers()).isEqualTo(16);
        assertThat(c.allowPlainHttp()).isFalse();
        assertThat(NodeConfig.parse(c.text(), BASE)).isEqualTo(c);
    }

    @Test
    void aFullConfiguration() throws Exception {
        String text = MINIMAL.replace("role mailbox", "role mixnode") + "listen [::1]:7400\nbootstrap https://m1.example/v1/\n"
                + "bootstrap http://192.0.2.1:9000\npoll-interval 250ms\nmonitor-interval 2m\nmonitor-peers 64\nallow-plain-http yes\n";
        NodeConfig c = NodeConfig.parse(text, BASE);
        assertThat(c.listen()).contains(new Endpoint("::1", 7400));
        assertThat(c.bootstrap()).containsExactly(URI.create("https://m1.example/v1/"), URI.create("http://192.0.2.1:9000"));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.monitorInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.monitorPeers()).isEqualTo(64);
        assertThat(c.allowPlainHttp()).isTrue();
        assertThat(NodeConfig.parse(c.text(), BASE)).isEqualTo(c);
        assertThat(c.text()).contains("listen [::1]:7400\n", "poll-interval 250ms\n", "monitor-interval 2m\n");
    }

    @Test
    void tlsSettingsResolveAgainstTheFile() throws Exception {
        String pin = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        NodeConfig c = NodeConfig.parse(MINIMAL + "tls-cert tls/cert.pem\ntls-key tls/key.pem\ntls-ca /etc/ca.pem\ntls-pin " + pin + "\n", BASE);
        assertThat(c.tls()).isEqualTo(new TlsSettings(Optional.of(Path.of("/etc/virex/tls/cert.pem")),
                Optional.of(Path.of("/etc/virex/tls/key.pem")), Optional.of(Path.of("/etc/ca.pem")), Set.of(pin)));
        assertThat(c.tls().server()).isPresent();
        assertThat(NodeConfig.parse(c.text(), Path.of("/elsewhere"))).isEqualTo(c);
        assertThat(NodeConfig.parse(MINIMAL, BASE).tls()).isEqualTo(TlsSettings.NONE);
        assertThatThrownBy(() -> NodeConfig.parse(MINIMAL + "tls-cert c.pem\n", BASE)).hasMessageContaining("go together");
        assertThatThrownBy(() -> NodeConfig.parse(MINIMAL + "tls-pin " + pin + "\ntls-pin " + pin + "\n", BASE))
                .hasMessageContaining("line 9: tls-pin");
        assertThatThrownBy(() -> NodeConfig.parse(MINIMAL + "tls-pin abc\n", BASE)).hasMessageContaining("line 8: a key pin is");
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        List<String[]> cases = List.of(
                new String[] {"", "empty configuration"},
                new String[] {"key node.key\n", "first line must be"},
                new String[] {MINIMAL + "colour blue\n", "line 8: unknown key 'colour'"},
                new String[] {MINIMAL + "role ods\n", "role appears twice"},
                new String[] {MINIMAL.replace("role mailbox", "role router"), "unknown node role"},
                new String[] {MINIMAL.replace("role mailbox", "role mixnode"), "a mixnode needs 'listen'"},
                new String[] {MINIMAL + "listen 127.0.0.1:7400\n", "other roles have none"},
                new String[] {MINIMAL.replace("control 127.0.0.1:7401", "control 127.0.0.1"), "HOST:PORT"},
                new String[] {MINIMAL.replace("control 127.0.0.1:7401", "control ::1:7401"), "brackets"},
                new String[] {MINIMAL.replace("control 127.0.0.1:7401", "control 127.0.0.1:70000"), "port must be"},
                new String[] {MINIMAL.replace("state /var/lib/virex\n", ""), "missing 'state'"},
                new String[] {MINIMAL.replace("federation " + FED, "federation nope"), "federation"},
                new String[] {MINIMAL + "poll-interval 10ms\n", "poll-interval must be 50ms to 1h"},
                new String[] {MINIMAL + "poll-interval 1.5s\n", "duration must be"},
                new String[] {MINIMAL + "bootstrap ftp://m.example/\n", "http(s) URL"},
                new String[] {MINIMAL + "bootstrap http://m.example/?x=1\n", "without query"},
                new String[] {MINIMAL + "allow-plain-http maybe\n", "yes or no"},
                new String[] {MINIMAL + "monitor-peers 0\n", "monitor-peers"},
                new String[] {MINIMAL + "state two words\n", "needs one value"},
                new String[] {MINIMAL + "bootstrap http://m.example/\n".repeat(17), "more than 16 bootstrap"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> NodeConfig.parse(c[0], BASE)).as(c[1]).isInstanceOf(ConfigFormatException.class)
                    .hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> NodeConfig.parse("#".repeat(NodeConfig.MAX_BYTES + 1), BASE)).isInstanceOf(ConfigFormatException.class);
    }

    @Test
    void theFuzzSeedsAreWhatTheirNamesSay() throws Exception {
        dev.virex.node.Seeds.check(NodeConfigFuzzTest.class, "config", ConfigFormatException.class,
                d -> NodeConfig.parse(new String(d, java.nio.charset.StandardCharsets.UTF_8), BASE));
    }
}
