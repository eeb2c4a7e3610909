package dev.virex.federation.wire;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSigner;
import dev.virex.federation.config.Roster;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls other members (and this member's own admin endpoints): every request body is an
 * {@link Envelope} signed with this member's identity key, every call bounded by a timeout. It
 * remembers which members the last call failed to reach, for the status a node sees.
 */
public final class Peers {
    /** Cap on an answer from a member. */
    public static final int MAX_ANSWER = Envelope.MAX_PAYLOAD;

    private final Roster roster;
    private final String self;
    private final NoteSigner identity;
    private final Clock clock;
    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();

    public Peers(Roster roster, String self, NoteSigner identity, Clock clock, HttpClient client, Duration timeout) {
        this.roster = roster;
        this.self = self;
        this.identity = identity;
        this.clock = clock;
        this.client = client;
        this.timeout = timeout;
    }

    public String self() {
        return self;
    }

    public Roster roster() {
        return roster;
    }

    /** POSTs an envelope of {@code kind} to {@code member}'s {@code /member/<kind>} endpoint. */
    public byte[] call(String member, String kind, byte[] payload) throws PeerException {
        return post(member, roster.url(member), "member/" + kind, kind, payload);
    }

    /** A JSON payload in, a JSON answer out. */
    public <T> T call(String member, String kind, Object payload, Class<T> answer) throws PeerException {
        byte[] body = call(member, kind, Json.write(payload));
        try {
            return Json.MAPPER.readValue(body, answer);
        } catch (IOException e) {
            throw new PeerException(member, 502, "invalid answer from " + member + ": " + e.getMessage());
        }
    }

    private byte[] post(String member, URI base, String path, String kind, byte[] payload) throws PeerException {
        Envelope e = new Envelope(self, member, clock.instant().truncatedTo(ChronoUnit.SECONDS), kind, Bytes.wrap(payload));
        HttpRequest r = HttpClients.request(URI.create(base + "/" + path), timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(e.sign(identity))).build();
        HttpClients.Response resp;
        try {
            resp = HttpClients.exchange(client, r, MAX_ANSWER);
        } catch (IOException ex) {
            String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            unreachable.put(member, why);
            throw new PeerException(member, 0, member + " unreachable: " + why);
        }
        if (resp.status() / 100 == 2) {
            unreachable.remove(member);
            return resp.body();
        }
        String detail = detail(resp);
        if (resp.status() == 503) {
            unreachable.put(member, detail);
        } else {
            unreachable.remove(member);
        }
        throw new PeerException(member, resp.status(), member + " refused (" + resp.status() + "): " + detail);
    }

    private static String detail(HttpClients.Response resp) {
        try {
            return Json.MAPPER.readTree(resp.body()).path("detail").asText("");
        } catch (IOException e) {
            String s = new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return s.length() > 200 ? s.substring(0, 200) : s;
        }
    }

    /** Members whose last call failed to reach them, with why. */
    public Map<String, String> unreachable() {
        return new TreeMap<>(unreachable);
    }
}
