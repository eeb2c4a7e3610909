package dev.virex.auditor.enforce;

import dev.virex.core.decision.NodeAddress;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * A mixnode's control endpoint over HTTP or HTTPS, at the control address its join decision
 * declares.
 */
public final class HttpMixnodeReader implements MixnodeReader {
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public HttpMixnodeReader(NodeAddress control, HttpClient client, Duration timeout) {
        this("http", control, client, timeout);
    }

    /** A reader of {@code scheme://control/}, {@code scheme} being http or https. */
    public HttpMixnodeReader(String scheme, NodeAddress control, HttpClient client, Duration timeout) {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the control endpoints' scheme is http or https, not " + scheme);
        }
        this.base = URI.create(scheme + "://" + control + "/");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public byte[] latestReport() throws IOException {
        HttpRequest r = HttpClients.request(base.resolve("v1/reports/latest"), timeout).GET().build();
        return HttpClients.expectOk(client, r, EnforcementReport.MAX_NOTE_BYTES);
    }

    @Override
    public byte[] report(long n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("no interval " + n);
        }
        HttpRequest r = HttpClients.request(base.resolve("v1/reports/" + n), timeout).GET().build();
        return HttpClients.expectOk(client, r, EnforcementReport.MAX_NOTE_BYTES);
    }

    @Override
    public Optional<byte[]> metrics() throws IOException {
        HttpRequest r = HttpClients.request(base.resolve("metrics"), timeout).GET().build();
        HttpClients.Response resp = HttpClients.exchange(client, r, PrometheusText.MAX_BYTES);
        return resp.status() == 200 ? Optional.of(resp.body()) : Optional.empty();
    }
}
