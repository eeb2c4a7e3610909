package dev.virex.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The TLS settings of one VIREX process, as its configuration file or flags give them
 * (docs/OPERATIONS.md, "Transport security"): the certificate chain and key its service answers
 * HTTPS with, and how its clients verify the VIREX services it calls (the CA certificates to trust
 * instead of the system's, and optional key pins).
 *
 * @param certificate the service's PEM certificate chain, leaf first
 * @param key the PKCS#8 PEM private key of {@code certificate}
 * @param trustedCertificates PEM CA certificates that clients trust instead of the system's anchors
 * @param pins base64 SHA-256 pins of server keys; when any is given, a server must present one of them
 */
public record TlsSettings(Optional<Path> certificate, Optional<Path> key, Optional<Path> trustedCertificates, Set<String> pins) {
    public static final TlsSettings NONE = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());

    public TlsSettings {
        if (certificate.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException("a TLS certificate and its key go together: give both or neither");
        }
        pins = new ClientTls(trustedCertificates, pins).pinnedKeys(); // validates the pins
    }

    /** The service's HTTPS identity, if it has one. */
    public Optional<Tls> server() {
        return certificate.map(c -> new Tls(c, key.orElseThrow()));
    }

    /** How this process's clients verify the services they call. */
    public ClientTls client() {
        return new ClientTls(trustedCertificates, pins);
    }

    /** {@code options} serving HTTPS with this certificate, or unchanged without one. */
    public HttpService.Options serve(HttpService.Options options) {
        return server().map(options::withTls).orElse(options);
    }

    /** The one HTTP client of this process, verifying servers as {@link #client()} says. */
    public HttpClient newClient() throws IOException {
        return HttpClients.newClient(client());
    }

    /** The same settings with every relative path resolved against {@code dir} (a configuration file's folder). */
    public TlsSettings resolvedAgainst(Path dir) {
        return new TlsSettings(certificate.map(dir::resolve), key.map(dir::resolve), trustedCertificates.map(dir::resolve), pins);
    }
}
