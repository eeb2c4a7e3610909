package dev.virex.log.http;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TilePath;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves any {@link TransparencyLog} over HTTP: the C2SP tlog-tiles read API ({@code /checkpoint},
 * {@code /tile/...}) with its caching rules, {@code POST /add}, and the proof endpoints. Handlers
 * are thin; a {@link LogException} becomes its status through {@link HttpProblem}.
 */
public final class LogServer implements AutoCloseable {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String BINARY = "application/octet-stream";
    /** tlog-tiles: the checkpoint is mutable, "caching beyond a few seconds" should be prevented. */
    static final String CHECKPOINT_CACHE = "public, max-age=2";
    static final String FULL_TILE_CACHE = "public, max-age=31536000, immutable";
    static final String PARTIAL_TILE_CACHE = "public, max-age=60";

    private final HttpService http;

    private LogServer(HttpService http) {
        this.http = http;
    }

    public static LogServer start(TransparencyLog log, HttpService.Options options) {
        return new LogServer(HttpService.start(options, routes -> {
            routes.get("/checkpoint", ctx -> checkpoint(log, ctx));
            routes.get("/tile/<path>", ctx -> tile(log, ctx));
            routes.post("/add", ctx -> add(log, ctx));
            routes.get("/proof/inclusion", ctx -> {
                Map<String, Long> q = query(ctx, "index", "size");
                HttpService.json(ctx, 200, LogJson.of(call(() -> log.inclusionProof(q.get("index"), q.get("size")))));
            });
            routes.get("/proof/consistency", ctx -> {
                Map<String, Long> q = query(ctx, "size1", "size2");
                HttpService.json(ctx, 200, LogJson.of(call(() -> log.consistencyProof(q.get("size1"), q.get("size2")))));
            });
            routes.get("/receipt", ctx -> {
                long index = query(ctx, "index").get("index");
                ctx.contentType(TEXT).result(call(() -> log.receipt(index)).encode());
            });
        }));
    }

    private static void checkpoint(TransparencyLog log, Context ctx) {
        Bytes cp = call(log::checkpoint);
        String etag = "\"" + HexFormat.of().formatHex(MerkleHash.leaf(cp).toArray(), 0, 16) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", CHECKPOINT_CACHE);
        String match = ctx.header("If-None-Match");
        if (match != null && List.of(match.split("\\s*,\\s*")).contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(TEXT).result(cp.toArray());
    }

    private static void tile(TransparencyLog log, Context ctx) {
        TilePath path;
        try {
            path = TilePath.parse(ctx.req().getRequestURI().substring(1));
        } catch (TileFormatException e) {
            throw HttpProblem.badRequest("not a tlog-tiles path: " + e.getMessage());
        }
        Bytes data = call(() -> log.tile(path));
        ctx.header("Cache-Control", path.isPartial() ? PARTIAL_TILE_CACHE : FULL_TILE_CACHE)
                .contentType(BINARY).result(data.toArray());
    }

    private static void add(TransparencyLog log, Context ctx) {
        Bytes entry = Bytes.wrap(HttpService.body(ctx, EntryBundle.MAX_ENTRY_BYTES));
        AddResult r = call(() -> log.add(entry));
        String receipt = r.receipt().map(p -> new String(p.encode(), StandardCharsets.UTF_8)).orElse(null);
        // 200 with the receipt once integrated; 202 if the log's wait bound passed first.
        HttpService.json(ctx, receipt == null ? 202 : 200, new LogJson.Added(r.index(), r.duplicate(), receipt));
    }

    /** Exactly the named query parameters, once each, as canonical decimals. */
    static Map<String, Long> query(Context ctx, String... names) {
        Map<String, List<String>> all = ctx.queryParamMap();
        if (!all.keySet().equals(Set.of(names))) {
            throw HttpProblem.badRequest("expected query parameters " + String.join(", ", names) + ", got " + all.keySet());
        }
        Map<String, Long> out = new java.util.HashMap<>();
        for (String n : names) {
            List<String> v = all.get(n);
            if (v.size() != 1 || !v.get(0).matches("0|[1-9][0-9]{0,18}")) {
                throw HttpProblem.badRequest(n + " must be one canonical decimal number");
            }
            try {
                out.put(n, Long.parseLong(v.get(0)));
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest(n + " is out of range");
            }
        }
        return out;
    }

    interface Call<T> {
        T get() throws Exception;
    }

    /** Runs a log call, turning its refusals into the one error mapping. */
    static <T> T call(Call<T> c) {
        try {
            return c.get();
        } catch (LogException e) {
            HttpProblem p = HttpProblem.of(e.kind().status(), title(e.kind()), e.getMessage());
            if (e.kind() == LogException.Kind.BUSY) {
                p = HttpProblem.tooManyRequests(e.getMessage(), e.retryAfter().orElse(Duration.ofSeconds(1)));
            }
            throw p;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String title(LogException.Kind k) {
        return switch (k) {
            case MALFORMED -> "Bad Request";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not Found";
            case CONFLICT -> "Conflict";
            case TOO_LARGE -> "Content Too Large";
            case BUSY -> "Too Many Requests";
            case UNAVAILABLE -> "Service Unavailable";
        };
    }

    public java.net.URI baseUri() {
        return http.baseUri();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }
}
