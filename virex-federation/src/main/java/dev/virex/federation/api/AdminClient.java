package dev.virex.federation.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.federation.wire.Envelope;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A member's operator talking to its own member: every request is an envelope from and to the
 * member, signed with the member's identity key ({@code virex federation review|propose|status}).
 */
public final class AdminClient {
    private final URI base;
    private final SignerKey identity;
    private final Clock clock;
    private final HttpClient client;
    private final Duration timeout;

    public AdminClient(URI base, SignerKey identity, Clock clock, Duration timeout) {
        this(base, identity, clock, timeout, HttpClients.newClient());
    }

    /** An admin client calling the member with {@code client} (its TLS trust). */
    public AdminClient(URI base, SignerKey identity, Clock clock, Duration timeout, HttpClient client) {
        this.client = client;
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.identity = identity;
        this.clock = clock;
        this.timeout = timeout;
    }

    public List<AdminMessages.ReviewItem> reviewList() throws FederationException {
        return read(call("review-list", new AdminMessages.Empty()), new TypeReference<>() { });
    }

    public void vote(String id, boolean yes, List<String> reasons) throws FederationException {
        call("review-vote", new AdminMessages.ReviewVote(id, yes, reasons));
    }

    public String propose(AdminMessages.Propose p) throws FederationException {
        return read(call("propose", p), new TypeReference<AdminMessages.Proposed>() { }).id();
    }

    public AdminMessages.Status status() throws FederationException {
        return read(call("status", new AdminMessages.Empty()), new TypeReference<>() { });
    }

    private byte[] call(String kind, Object payload) throws FederationException {
        Envelope e = new Envelope(identity.name(), identity.name(), clock.instant().truncatedTo(ChronoUnit.SECONDS), kind,
                Bytes.wrap(Json.write(payload)));
        HttpRequest r = HttpClients.request(URI.create(base + "/admin/" + kind), timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(e.sign(identity.noteSigner()))).build();
        HttpClients.Response resp;
        try {
            resp = HttpClients.exchange(client, r, 16 << 20);
        } catch (IOException ex) {
            throw new FederationException(0, "cannot reach " + base + ": " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        }
        if (resp.status() / 100 != 2) {
            String detail;
            try {
                detail = Json.MAPPER.readTree(resp.body()).path("detail").asText("HTTP " + resp.status());
            } catch (IOException ex) {
                detail = "HTTP " + resp.status();
            }
            throw new FederationException(resp.status(), detail);
        }
        return resp.body();
    }

    private static <T> T read(byte[] body, TypeReference<T> type) throws FederationException {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new FederationException(502, "invalid answer: " + e.getMessage());
        }
    }
}
