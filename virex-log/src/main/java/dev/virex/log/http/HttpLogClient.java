package dev.virex.log.http;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.Tiles;
import dev.virex.core.tlog.TlogProof;
import dev.virex.http.HttpClients;
import dev.virex.http.Json;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A transparency log over HTTP. The tlog-tiles reads work against any tlog-tiles log (a partial
 * tile the log no longer serves is cut from the full one, as the spec allows); the other calls
 * need a VIREX log. Refusals come back as the same {@link LogException} kinds the log raises in
 * process. Conditional checkpoint requests (If-None-Match) keep polling cheap.
 */
public final class HttpLogClient implements TransparencyLog {
    private final URI prefix;
    private final HttpClient client;
    private final Duration timeout;
    /** The last checkpoint fetched and its entity tag, replaced together. */
    private record Cached(String etag, Bytes body) {}

    private volatile Cached cached;

    public HttpLogClient(URI prefix) {
        this(prefix, HttpClients.newClient(), Duration.ofSeconds(30));
    }

    public HttpLogClient(URI prefix, HttpClient client, Duration timeout) {
        String s = prefix.toString();
        this.prefix = URI.create(s.endsWith("/") ? s : s + "/");
        this.client = client;
        this.timeout = timeout;
    }

    public URI prefix() {
        return prefix;
    }

    @Override
    public Bytes checkpoint() throws IOException, LogException {
        HttpRequest.Builder r = HttpClients.request(prefix.resolve("checkpoint"), timeout).GET();
        Cached last = cached;
        if (last != null) {
            r.header("If-None-Match", last.etag());
        }
        HttpClients.Response resp = HttpClients.exchange(client, r.build(), SignedCheckpoint.MAX_BYTES);
        if (resp.status() == 304 && last != null) {
            return last.body();
        }
        Bytes body = Bytes.wrap(ok(resp, "checkpoint"));
        cached = resp.header("ETag").map(tag -> new Cached(tag, body)).orElse(null);
        return body;
    }

    @Override
    public Bytes tile(TilePath path) throws IOException, LogException {
        try {
            return fetch(path);
        } catch (LogException e) {
            if (e.kind() != LogException.Kind.NOT_FOUND || !path.isPartial()) {
                throw e;
            }
            return Tiles.prefix(path, fetch(path.full()));
        }
    }

    private Bytes fetch(TilePath path) throws IOException, LogException {
        int cap = path.isEntries() ? EntryBundle.MAX_BYTES : TilePath.FULL_WIDTH * MerkleHash.BYTES;
        HttpRequest r = HttpClients.request(prefix.resolve(path.toString()), timeout).GET().build();
        return Bytes.wrap(ok(HttpClients.exchange(client, r, cap), path.toString()));
    }

    @Override
    public AddResult add(Bytes entry) throws IOException, LogException {
        HttpRequest r = HttpClients.request(prefix.resolve("add"), timeout)
                .header("Content-Type", "application/octet-stream")
                // An oversize entry waits for the server's verdict (413) instead of being sent
                // into a connection the server closes.
                .expectContinue(entry.length() > EntryBundle.MAX_ENTRY_BYTES)
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry.toArray())).build();
        LogJson.Added a = json(HttpClients.exchange(client, r, 1 << 16), "add", LogJson.Added.class);
        Optional<TlogProof> receipt = Optional.empty();
        if (a.receipt() != null) {
            receipt = Optional.of(TlogProof.parse(a.receipt().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return new AddResult(a.index(), a.duplicate(), receipt);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid answer from " + prefix + "add: " + e.getMessage());
        }
    }

    @Override
    public InclusionProof inclusionProof(long index, long size) throws IOException, LogException {
        return LogJson.parse(get("proof/inclusion?index=" + index + "&size=" + size, LogJson.Inclusion.class));
    }

    @Override
    public ConsistencyProof consistencyProof(long size1, long size2) throws IOException, LogException {
        return LogJson.parse(get("proof/consistency?size1=" + size1 + "&size2=" + size2, LogJson.Consistency.class));
    }

    @Override
    public TlogProof receipt(long index) throws IOException, LogException {
        HttpRequest r = HttpClients.request(prefix.resolve("receipt?index=" + index), timeout).GET().build();
        return TlogProof.parse(ok(HttpClients.exchange(client, r, TlogProof.MAX_BYTES), "receipt"));
    }

    private <T> T get(String path, Class<T> type) throws IOException, LogException {
        HttpRequest r = HttpClients.request(prefix.resolve(path), timeout).GET().build();
        return json(HttpClients.exchange(client, r, 1 << 16), path, type);
    }

    private <T> T json(HttpClients.Response resp, String what, Class<T> type) throws IOException, LogException {
        byte[] body = ok(resp, what);
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new IOException("invalid JSON from " + prefix + what + ": " + e.getMessage(), e);
        }
    }

    /** The body of a 2xx answer; a refusal as the {@link LogException} of its status. */
    private byte[] ok(HttpClients.Response resp, String what) throws IOException, LogException {
        if (resp.status() / 100 == 2) {
            return resp.body();
        }
        String detail = problemDetail(resp);
        Optional<LogException.Kind> kind = LogException.Kind.ofStatus(resp.status());
        if (kind.isEmpty()) {
            throw new IOException(prefix + what + " answered " + resp.status() + (detail.isEmpty() ? "" : ": " + detail));
        }
        Optional<Duration> retry = resp.header("Retry-After").flatMap(HttpLogClient::seconds);
        throw new LogException(kind.get(), detail.isEmpty() ? what + ": HTTP " + resp.status() : detail, retry);
    }

    private static String problemDetail(HttpClients.Response resp) {
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

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
