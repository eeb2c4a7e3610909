package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.auditor.notice.Notice;
import dev.virex.auditor.notice.NoticeFormatException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's HTTP reads of the running roles, as any outside tool would make them (the nodes'
 * control endpoints, the mixnodes' PoW info, the auditor's notices), over one bounded client.
 */
final class Web implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY = 16 << 20;

    private final HttpClient client = HttpClients.newClient();

    HttpClient client() {
        return client;
    }

    byte[] get(URI u) throws IOException {
        return HttpClients.expectOk(client, HttpClients.request(u, TIMEOUT).GET().build(), MAX_BODY);
    }

    /** The status and JSON body of a GET, whatever the status (e.g. a node's 503 health when removed). */
    JsonNode json(URI u) throws IOException {
        HttpClients.Response r = HttpClients.exchange(client, HttpClients.request(u, TIMEOUT).GET().build(), MAX_BODY);
        return Json.MAPPER.readTree(r.body());
    }

    /** The auditor's newest notices, each verified under its notice key over the exact bytes served. */
    List<Notice> notices(URI auditor, VerifierKey vkey) throws IOException {
        JsonNode page = json(auditor.resolve("/notices?limit=200"));
        List<Notice> out = new ArrayList<>();
        for (JsonNode n : page.path("notices")) {
            byte[] note = n.path("note").asText().getBytes(StandardCharsets.UTF_8);
            try {
                out.add(Notice.open(note, vkey));
            } catch (NoteException | NoticeFormatException e) {
                throw new DemoFailure("auditor notice " + n.path("serial").asText() + " does not verify under the auditor's vkey: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
