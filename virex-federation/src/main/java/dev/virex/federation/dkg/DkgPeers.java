package dev.virex.federation.dkg;

import dev.virex.federation.config.Roster;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** Fetches other members' DKG notes and status ({@code GET /dkg/...}); a failure is "not yet". */
final class DkgPeers {
    static final int MAX_NOTE = 64 * 1024;

    private final Roster roster;
    private final HttpClient client;
    private final Duration timeout;

    DkgPeers(Roster roster, HttpClient client, Duration timeout) {
        this.roster = roster;
        this.client = client;
        this.timeout = timeout;
    }

    Optional<byte[]> note(String member, String round) {
        return get(member, "dkg/" + round, MAX_NOTE);
    }

    Optional<DkgStatus> status(String member) {
        return get(member, "dkg/status", 1 << 20).flatMap(b -> {
            try {
                return Optional.of(Json.MAPPER.readValue(b, DkgStatus.class));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<byte[]> get(String member, String path, int cap) {
        try {
            var r = HttpClients.request(URI.create(roster.url(member) + "/" + path), timeout).GET().build();
            HttpClients.Response resp = HttpClients.exchange(client, r, cap);
            return resp.status() == 200 ? Optional.of(resp.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
