package dev.virex.cli;

import dev.virex.http.ClientTls;
import dev.virex.http.HttpClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags with which a command that calls VIREX services verifies their HTTPS certificates:
 * a CA file to trust instead of the system's trust anchors, and optional key pins.
 */
public final class ClientTlsOptions {
    @Option(names = "--tls-ca", paramLabel = "PEM", description = "Trust these CA certificates (PEM) for HTTPS instead of the system's.")
    Path ca;

    @Option(names = "--tls-pin", paramLabel = "PIN",
            description = "Accept only servers with this key pin: base64 SHA-256 of the SubjectPublicKeyInfo (repeatable).")
    List<String> pins = new ArrayList<>();

    /** The trust these flags describe. */
    public ClientTls trust() {
        try {
            return new ClientTls(Optional.ofNullable(ca), new HashSet<>(pins));
        } catch (IllegalArgumentException e) {
            throw new UserError("invalid --tls-pin: " + e.getMessage());
        }
    }

    /** True when neither flag was given. */
    public boolean isEmpty() {
        return ca == null && pins.isEmpty();
    }

    /** An HTTP client verifying servers as these flags say. */
    public HttpClient client() {
        return client(trust());
    }

    /** An HTTP client verifying servers as {@code trust} says, with a one-line error for a bad CA file. */
    public static HttpClient client(ClientTls trust) {
        try {
            return HttpClients.newClient(trust);
        } catch (IOException e) {
            throw new UserError("TLS trust: " + e.getMessage(), e);
        }
    }
}
