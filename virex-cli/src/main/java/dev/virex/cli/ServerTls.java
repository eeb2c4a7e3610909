package dev.virex.cli;

import dev.virex.http.HttpService;
import dev.virex.http.Tls;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The transport options every {@code serve} command shares: HTTPS from an operator's PEM
 * certificate and key, or plain HTTP, which is refused on non-loopback addresses unless the
 * operator says a TLS proxy stands in front.
 */
public final class ServerTls {
    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM, leaf first).")
    Path cert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PKCS#8 private key (PEM) of --tls-cert.")
    Path key;

    @Option(names = "--allow-plain-http", description = "Allow plain HTTP on a non-loopback address (only behind a TLS proxy).")
    boolean allowPlainHttp;

    /** Options for a service named {@code name} on {@code host:port} with a body cap. */
    public HttpService.Options options(String name, String host, int port, long maxRequestBytes) {
        return options(name, host, port, maxRequestBytes, Optional.empty(), false);
    }

    /**
     * Options for a service whose configuration file gave {@code configured} as its certificate and
     * {@code configuredPlain} for plain HTTP; a certificate given as flags replaces the file's, and
     * either may allow plain HTTP.
     */
    public HttpService.Options options(String name, String host, int port, long maxRequestBytes, Optional<Tls> configured,
                                       boolean configuredPlain) {
        if ((cert == null) != (key == null)) {
            throw new UserError("--tls-cert and --tls-key go together");
        }
        HttpService.Options o = new HttpService.Options(name, host, port, maxRequestBytes, allowPlainHttp || configuredPlain);
        Optional<Tls> tls = cert != null ? Optional.of(new Tls(cert, key)) : configured;
        return tls.map(o::withTls).orElse(o);
    }
}
