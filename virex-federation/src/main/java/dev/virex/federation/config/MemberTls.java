package dev.virex.federation.config;

import dev.virex.http.TlsSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member's transport settings in member.json ({@code "tls"}; paths relative to member.json's
 * folder): the certificate and key it serves HTTPS with (member API and DKG), the CA file and key
 * pins it verifies other members, the log and the bootstrapping members with, and the scheme of
 * the nodes' control endpoints it probes. Members also sign every message they send each other
 * (docs/spec/federation.md, "Envelopes"): TLS protects the transport, the envelopes authenticate.
 *
 * @param cert PEM certificate chain, leaf first (with {@code key}; without both the member serves plain HTTP)
 * @param key PKCS#8 PEM private key of {@code cert}
 * @param ca PEM CA certificates trusted instead of the system's for every call this member makes
 * @param pins base64 SHA-256 server key pins (up to 64); when given, every server must present one
 * @param nodeControl {@code http} (default) or {@code https}: how the nodes' control endpoints are probed
 */
public record MemberTls(String cert, String key, String ca, List<String> pins, String nodeControl) {
    public static final MemberTls NONE = new MemberTls(null, null, null, List.of(), "http");

    public MemberTls {
        pins = pins == null ? List.of() : List.copyOf(pins);
        nodeControl = nodeControl == null ? "http" : nodeControl;
        if (!nodeControl.equals("http") && !nodeControl.equals("https")) {
            throw new IllegalArgumentException("tls.nodeControl must be http or https, not '" + nodeControl + "'");
        }
        for (String[] f : new String[][] {{"cert", cert}, {"key", key}, {"ca", ca}}) {
            if (f[1] != null && f[1].isBlank()) {
                throw new IllegalArgumentException("tls." + f[0] + " must name a file");
            }
        }
        if (Set.copyOf(pins).size() != pins.size()) {
            throw new IllegalArgumentException("tls.pins lists a pin twice");
        }
        settings(Path.of(""), cert, key, ca, pins); // validates the pairing of cert and key, and the pins
    }

    /** The settings with paths resolved against {@code dir}, the folder of member.json. */
    public TlsSettings settings(Path dir) {
        return settings(dir, cert, key, ca, pins);
    }

    private static TlsSettings settings(Path dir, String cert, String key, String ca, List<String> pins) {
        return new TlsSettings(path(dir, cert), path(dir, key), path(dir, ca), Set.copyOf(pins));
    }

    private static Optional<Path> path(Path dir, String p) {
        return Optional.ofNullable(p).map(dir::resolve);
    }
}
