package dev.virex.auditor.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.decision.NodeAddress;
import dev.virex.http.ClientTls;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import dev.virex.http.TlsSettings;
import dev.virex.testkit.TestCertificates;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor reads a mixnode's control endpoint over HTTPS when told {@code node-control https}. */
class HttpMixnodeReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsReportsAndMetricsOverHttpsWithTheConfiguredTrust() throws Exception {
        TestCertificates ca = TestCertificates.create(dir);
        TestCertificates.Leaf leaf = ca.leaf("mixnode");
        HttpService.Options options = new TlsSettings(Optional.of(leaf.certificate()), Optional.of(leaf.key()), Optional.empty(), Set.of())
                .serve(HttpService.Options.loopback("mixnode"));
        try (HttpService mixnode = HttpService.start(options, routes -> {
            routes.get("/v1/reports/latest", ctx -> ctx.result("a signed report"));
            routes.get("/metrics", ctx -> ctx.result("virex_pow_effort_floor 16\n"));
        })) {
            NodeAddress control = NodeAddress.parse("127.0.0.1:" + mixnode.port());
            HttpClient trusting = HttpClients.newClient(new ClientTls(Optional.of(ca.caPem()), Set.of(leaf.pin())));
            HttpMixnodeReader https = new HttpMixnodeReader("https", control, trusting, Duration.ofSeconds(10));
            assertThat(new String(https.latestReport(), StandardCharsets.UTF_8)).isEqualTo("a signed report");
            assertThat(https.metrics()).hasValueSatisfying(m -> assertThat(new String(m, StandardCharsets.UTF_8)).contains("effort_floor"));
            HttpMixnodeReader untrusted = new HttpMixnodeReader("https", control, HttpClients.newClient(), Duration.ofSeconds(10));
            assertThatThrownBy(untrusted::latestReport).isInstanceOf(IOException.class);
            HttpMixnodeReader plain = new HttpMixnodeReader(control, trusting, Duration.ofSeconds(10));
            assertThatThrownBy(plain::latestReport).as("plain HTTP to a TLS port").isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> new HttpMixnodeReader("ftp", NodeAddress.parse("127.0.0.1:1"), HttpClients.newClient(), Duration.ofSeconds(1)))
                .hasMessageContaining("http or https");
    }
}
