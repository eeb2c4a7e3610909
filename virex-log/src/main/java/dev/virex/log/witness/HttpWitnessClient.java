package dev.virex.log.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.CosignatureLines;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.core.witness.WitnessFormatException;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP tlog-witness over HTTP: {@code POST <prefix>add-checkpoint} and
 * {@code GET <prefix><origin hash>/checkpoint}, the same prefix serving both. Refusals come back as
 * the {@link WitnessException} kinds of their status; a 409 carries the size from its
 * {@code text/x.tlog.size} body. Keep-alive connections come from the shared {@link HttpClient}.
 */
public final class HttpWitnessClient implements WitnessApi {
    static final int MAX_ERROR_BYTES = 16 * 1024;

    private final URI prefix;
    private final HttpClient client;
    private final Duration timeout;

    public HttpWitnessClient(URI prefix, HttpClient client, Duration timeout) {
        String s = prefix.toString();
        this.prefix = URI.create(s.endsWith("/") ? s : s + "/");
        this.client = client;
        this.timeout = timeout;
    }

    public HttpWitnessClient(URI prefix) {
        this(prefix, HttpClients.newClient(), Duration.ofSeconds(10));
    }

    public URI prefix() {
        return prefix;
    }

    @Override
    public List<NoteSignature> addCheckpoint(AddCheckpointRequest request) throws WitnessException, IOException {
        HttpRequest r = HttpClients.request(prefix.resolve("add-checkpoint"), timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.encode())).build();
        HttpClients.Response resp = HttpClients.exchange(client, r, Math.max(CosignatureLines.MAX_BYTES, MAX_ERROR_BYTES));
        if (resp.status() == 200) {
            try {
                return CosignatureLines.parse(resp.body());
            } catch (WitnessFormatException e) {
                throw new IOException("witness " + prefix + " sent an invalid cosignature answer: " + e.getMessage(), e);
            }
        }
        if (resp.status() == 409) {
            long known = size(resp);
            throw WitnessException.conflict(known, "witness " + prefix + " has cosigned up to size " + known);
        }
        Optional<WitnessException.Kind> kind = WitnessException.Kind.ofStatus(resp.status());
        if (kind.isPresent()) {
            throw new WitnessException(kind.get(), "witness " + prefix + " answered " + resp.status() + ": " + detail(resp));
        }
        throw new IOException("witness " + prefix + " answered " + resp.status() + ": " + detail(resp));
    }

    @Override
    public Optional<Bytes> latestCheckpoint(String origin) throws IOException {
        URI uri = prefix.resolve(WitnessApi.originHash(origin) + "/checkpoint");
        HttpClients.Response resp = HttpClients.exchange(client, HttpClients.request(uri, timeout).GET().build(),
                Math.max(SignedCheckpoint.MAX_BYTES, MAX_ERROR_BYTES));
        if (resp.status() == 404) {
            return Optional.empty();
        }
        if (resp.status() != 200 || resp.body().length > SignedCheckpoint.MAX_BYTES) {
            throw new IOException("witness " + prefix + " answered " + resp.status() + " for the checkpoint of " + origin);
        }
        return Optional.of(Bytes.wrap(resp.body()));
    }

    /** The 409 body: the known size in canonical decimal and a newline (tlog-witness). */
    private long size(HttpClients.Response resp) throws IOException {
        String body = new String(resp.body(), StandardCharsets.US_ASCII);
        if (!resp.header("Content-Type").map(c -> c.startsWith("text/x.tlog.size")).orElse(false)
                || !body.matches("(0|[1-9][0-9]{0,18})\n")) {
            throw new IOException("witness " + prefix + " answered 409 without a text/x.tlog.size body");
        }
        try {
            return Long.parseLong(body.strip());
        } catch (NumberFormatException e) {
            throw new IOException("witness " + prefix + " answered 409 with a size out of range", e);
        }
    }

    private static String detail(HttpClients.Response resp) {
        try {
            if (resp.header("Content-Type").map(c -> c.startsWith("application/problem+json")).orElse(false)) {
                return Json.MAPPER.readTree(resp.body()).path("detail").asText("");
            }
        } catch (IOException e) {
            // fall through to the raw text
        }
        String text = new String(resp.body(), StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
