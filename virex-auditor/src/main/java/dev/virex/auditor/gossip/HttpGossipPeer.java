package dev.virex.auditor.gossip;

import dev.virex.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Another auditor's {@code POST /gossip} over HTTP. */
public final class HttpGossipPeer implements GossipPeer {
    private final URI endpoint;
    private final HttpClient client;
    private final Duration timeout;

    public HttpGossipPeer(URI base, HttpClient client, Duration timeout) {
        String s = base.toString();
        this.endpoint = URI.create(s.endsWith("/") ? s : s + "/").resolve("gossip");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public GossipMessage exchange(GossipMessage ours) throws IOException {
        HttpRequest r = HttpClients.request(endpoint, timeout).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ours.encode())).build();
        byte[] body = HttpClients.expectOk(client, r, GossipMessage.MAX_BYTES);
        try {
            return GossipMessage.parse(body);
        } catch (GossipFormatException e) {
            throw new IOException("auditor " + endpoint + " answered an invalid gossip message: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
