package dev.virex.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded HTTP exchanges for role clients: timeouts on connect and on each request, response bodies
 * capped, non-2xx answers turned into {@link RemoteProblem} carrying status, detail and
 * Retry-After.
 */
public final class HttpClients {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private HttpClients() {}

    public static HttpClient newClient() {
        return builder().build();
    }

    /** A client that verifies HTTPS servers as {@code tls} says (trust anchors, optional key pin). */
    public static HttpClient newClient(ClientTls tls) throws IOException {
        return tls.isSystem() ? newClient() : builder().sslContext(tls.sslContext()).build();
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
    }

    /** A response: status, headers we care about, and a body of at most the cap given. */
    public record Response(int status, byte[] body, Map<String, java.util.List<String>> headers) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    /** Sends {@code request}; returns any status; throws only on I/O failure or an oversize body. */
    public static Response exchange(HttpClient client, HttpRequest request, int maxBody) throws IOException {
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(maxBody + 1);
                if (body.length > maxBody) {
                    throw new IOException("response from " + request.uri() + " exceeds " + maxBody + " bytes");
                }
                return new Response(r.statusCode(), body, r.headers().map());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
    }

    /** Sends {@code request} and returns the body of a 2xx answer, or throws {@link RemoteProblem}. */
    public static byte[] expectOk(HttpClient client, HttpRequest request, int maxBody) throws IOException {
        Response r = exchange(client, request, maxBody);
        if (r.status() / 100 != 2) {
            throw RemoteProblem.from(request.uri(), r);
        }
        return r.body();
    }

    public static HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }
}
