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
import java.util.Set;
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
    void aServerKeyAmongSeveralPinsIsAccepted() throws Exception {
        String other = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";
        try (HttpService s = HttpService.start(new TlsSettings(Optional.of(cert), Optional.of(key), Optional.empty(), Set.of())
                .serve(HttpService.Options.loopback("tls-test")), routes -> routes.get("/hello", ctx -> ctx.result("hi")))) {
            assertThat(s.baseUri().getScheme()).isEqualTo("https");
            TlsSettings client = new TlsSettings(Optional.empty(), Optional.empty(), Optional.of(cert), Set.of(other, ClientTls.pinOf(leaf)));
            assertThat(get(client.newClient(), s)).isEqualTo(200);
            TlsSettings wrong = new TlsSettings(Optional.empty(), Optional.empty(), Optional.of(cert), Set.of(other));
            assertThatThrownBy(() -> get(wrong.newClient(), s)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void pinsAreCanonicalBase64OfThirtyTwoBytes() {
        assertThat(ClientTls.requirePin(ClientTls.pinOf(leaf))).hasSize(44);
        for (String bad : new String[] {"", "AAAA", "not base64 at all", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}) {
            assertThatThrownBy(() -> new ClientTls(Optional.empty(), Set.of(bad))).hasMessageContaining("a key pin is");
        }
        assertThatThrownBy(() -> new TlsSettings(Optional.of(cert), Optional.empty(), Optional.empty(), Set.of()))
                .hasMessageContaining("go together");
        assertThat(ClientTls.system().isSystem()).isTrue();
        assertThat(TlsSettings.NONE.serve(HttpService.Options.loopback("x")).tls()).isEmpty();
        assertThat(new TlsSettings(Optional.of(Path.of("c.pem")), Optional.of(Path.of("k.pem")), Optional.of(Path.of("/etc/ca.pem")), Set.of())
                .resolvedAgainst(Path.of("/srv/virex")))
                .isEqualTo(new TlsSettings(Optional.of(Path.of("/srv/virex/c.pem")), Optional.of(Path.of("/srv/virex/k.pem")),
                        Optional.of(Path.of("/etc/ca.pem")), Set.of()));
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
