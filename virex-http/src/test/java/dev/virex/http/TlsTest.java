package dev.virex.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;
    static X509Certificate leaf;

    /** A self-signed EC certificate for 127.0.0.1, made with the JDK's keytool, written as PEM. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        Path store = dir.resolve("ks.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "svc", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=virex test", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        leaf = (X509Certificate) ks.getCertificate("svc");
        cert = Files.writeString(dir.resolve("cert.pem"), Pem.encode("CERTIFICATE", leaf.getEncoded()));
        key = Files.writeString(dir.resolve("key.pem"), Pem.encode("PRIVATE KEY", ks.getKey("svc", "changeit".toCharArray()).getEncoded()));
    }

    private static HttpService serve() {
        return HttpService.start(HttpService.Options.loopback("tls-test").withTls(new Tls(cert, key)),
                routes -> routes.get("/hello", ctx -> ctx.result("hi")));
    }

    private static int get(HttpClient client, HttpService s) throws IOException {
        return HttpClients.exchange(client, HttpRequest.newBuilder(s.baseUri().resolve("/hello")).build(), 1024).status();
    }

    @Test
    void aClientTrustingTheCertificateTalksHttps() throws Exception {
        try (HttpService s = serve()) {
            assertThat(s.baseUri().getScheme()).isEqualTo("https");
            assertThat(get(HttpClients.newClient(new ClientTls(Optional.of(cert), Optional.empty())), s)).isEqualTo(200);
            assertThat(get(HttpClients.newClient(new ClientTls(Optional.of(cert), Optional.of(ClientTls.pinOf(leaf)))), s)).isEqualTo(200);
        }
    }

    @Test
    void untrustedOrWronglyPinnedCertificatesAreRefused() throws Exception {
        try (HttpService s = serve()) {
            assertThatThrownBy(() -> get(HttpClients.newClient(ClientTls.system()), s)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(HttpClients.newClient(new ClientTls(Optional.of(cert),
                    Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))), s)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void tlsMayListenOnPublicAddressesPlainHttpMayNot() {
        HttpService.requireSafeBind(new HttpService.Options("pub", "0.0.0.0", 0, 1024, false).withTls(new Tls(cert, key)));
        assertThatThrownBy(() -> HttpService.requireSafeBind(new HttpService.Options("pub", "0.0.0.0", 0, 1024, false)))
                .hasMessageContaining("refusing plain HTTP");
    }

    @Test
    void badPemFilesFailTheStartWithTheReason() throws Exception {
        Path ecKey = Files.writeString(dir.resolve("ec.pem"), Pem.encode("EC PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> HttpService.start(HttpService.Options.loopback("x").withTls(new Tls(cert, ecKey)), r -> { }))
                .hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> HttpService.start(HttpService.Options.loopback("x").withTls(new Tls(dir.resolve("none.pem"), key)), r -> { }))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> HttpService.start(HttpService.Options.loopback("x").withTls(new Tls(key, key)), r -> { }))
                .hasMessageContaining("BEGIN CERTIFICATE");
    }
}
