package dev.virex.auditor.config;

import dev.virex.http.TlsSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How an auditor talks (docs/spec/auditor.md, "Configuration"): the certificate and key its API
 * serves HTTPS with, how its clients verify the log, witnesses, peers and mixnodes (CA file, pins),
 * whether plain HTTP may listen on a non-loopback address, and the scheme of the mixnodes'
 * control endpoints.
 */
public record Transport(TlsSettings tls, boolean allowPlainHttp, String nodeControl) {
    public static final Transport DEFAULTS = new Transport(TlsSettings.NONE, false, "http");

    public Transport {
        Objects.requireNonNull(tls, "tls");
        if (!"http".equals(nodeControl) && !"https".equals(nodeControl)) {
            throw new IllegalArgumentException("node-control is http or https");
        }
    }

    Transport resolvedAgainst(Path dir) {
        return new Transport(tls.resolvedAgainst(dir), allowPlainHttp, nodeControl);
    }
}
