package dev.virex.federation.api;

import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/** {@link FederationApi} over HTTP, for node operators, nodes and clients. */
public final class HttpFederationClient implements FederationApi {
    /** Cap on an answer: a directory of 100,000 nodes is about 40 MiB in JSON. */
    public static final int MAX_ANSWER = 96 << 20;

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public HttpFederationClient(URI base) {
        this(base, HttpClients.newClient(), Duration.ofSeconds(30));
    }

    public HttpFederationClient(URI base, HttpClient client, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.client = client;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    @Override
    public JoinStatus submitJoin(byte[] signedRequest) throws FederationException {
        HttpRequest r = HttpClients.request(URI.create(base + "/join"), timeout).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signedRequest)).build();
        return answer(r, JoinStatus.class);
    }

    @Override
    public JoinStatus joinStatus(String requestId) throws FederationException {
        if (!requestId.matches("[0-9a-f]{64}")) {
            throw new FederationException(400, "a request ID is 64 lowercase hex digits");
        }
        return answer(HttpClients.request(URI.create(base + "/join/" + requestId), timeout).GET().build(), JoinStatus.class);
    }

    @Override
    public DirectoryAnswer directory() throws FederationException {
        return answer(HttpClients.request(URI.create(base + "/directory"), timeout).GET().build(), DirectoryAnswer.class);
    }

    private <T> T answer(HttpRequest r, Class<T> type) throws FederationException {
        HttpClients.Response resp;
        try {
            resp = HttpClients.exchange(client, r, MAX_ANSWER);
        } catch (IOException e) {
            throw new FederationException(0, "cannot reach " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (resp.status() / 100 != 2) {
            String detail;
            try {
                detail = Json.MAPPER.readTree(resp.body()).path("detail").asText("HTTP " + resp.status());
            } catch (IOException e) {
                detail = "HTTP " + resp.status();
            }
            Optional<Duration> retry = resp.header("Retry-After").flatMap(v -> {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
            throw new FederationException(resp.status(), detail, retry);
        }
        try {
            return Json.MAPPER.readValue(resp.body(), type);
        } catch (IOException e) {
            throw new FederationException(502, "invalid answer from " + base + ": " + e.getMessage());
        }
    }
}
