package dev.virex.client;

import dev.virex.core.ingress.MixnodeApi;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import dev.virex.http.HttpProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The mixnode's HTTP API, client side (bounded java.net.http exchanges). */
public final class HttpMixnodeApi implements MixnodeApi {
    static final int MAX_INFO_BYTES = 16 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient client;

    public HttpMixnodeApi(URI base) {
        this(base, HttpClients.newClient());
    }

    /** The API at {@code base}, called with {@code client} (its TLS trust). */
    public HttpMixnodeApi(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    @Override
    public PowInfo powInfo() throws IOException {
        byte[] body = HttpClients.expectOk(client, HttpClients.request(base.resolve("/v1/pow"), TIMEOUT).GET().build(), MAX_INFO_BYTES);
        try {
            return Json.read(body, PowInfo.class);
        } catch (HttpProblem e) {
            throw new IOException("mixnode at " + base + " sent unusable PoW info: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] report(long interval) throws IOException {
        String path = interval < 0 ? "/v1/reports/latest" : "/v1/reports/" + interval;
        return HttpClients.expectOk(client, HttpClients.request(base.resolve(path), TIMEOUT).GET().build(),
                EnforcementReport.MAX_NOTE_BYTES);
    }
}
