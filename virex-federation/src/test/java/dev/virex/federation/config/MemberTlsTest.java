package dev.virex.federation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.http.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberTlsTest {
    static final String SEEDS = "/dev/virex/federation/FederationJsonFuzzTestInputs/memberConfig/";

    static byte[] seed(String name) throws IOException {
        try (InputStream in = MemberTlsTest.class.getResourceAsStream(SEEDS + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMemberWithoutTlsSettingsServesPlainHttpAndTrustsTheSystem() throws Exception {
        MemberConfig c = ConfigFiles.parse(seed("valid.json"), MemberConfig.class, "member.json");
        assertThat(c.tls()).isEqualTo(MemberTls.NONE);
        assertThat(c.tls().settings(Path.of("/srv"))).isEqualTo(TlsSettings.NONE);
        assertThat(c.tls().nodeControl()).isEqualTo("http");
    }

    @Test
    void tlsPathsResolveAgainstTheFolderOfMemberJson(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("member.json"), seed("valid_https.json"));
        MemberConfig.Loaded l = MemberConfig.load(file);
        assertThat(l.tls()).isEqualTo(new TlsSettings(Optional.of(dir.resolve("tls-cert.pem")), Optional.of(dir.resolve("tls-key.pem")),
                Optional.of(dir.resolve("../ca.pem")), Set.of("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")));
        assertThat(l.config().tls().nodeControl()).isEqualTo("https");
        MemberConfig again = ConfigFiles.parse(ConfigFiles.toJson(l.config()).getBytes(), MemberConfig.class, "again");
        assertThat(again).isEqualTo(l.config());
    }

    @Test
    void badTlsSettingsAreRefusedWithTheLine() throws Exception {
        assertThatThrownBy(() -> ConfigFiles.parse(seed("error_tls_cert_without_key.json"), MemberConfig.class, "m.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("go together").hasMessageContaining("(line ");
        assertThatThrownBy(() -> ConfigFiles.parse(seed("error_node_control_ftp.json"), MemberConfig.class, "m.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nodeControl must be http or https");
        assertThatThrownBy(() -> ConfigFiles.parse("{\"name\": 1,\n\"colour\": \"blue\"}".getBytes(), MemberConfig.class, "m.json"))
                .hasMessageStartingWith("m.json is not a valid MemberConfig (line 2)");
    }
}
