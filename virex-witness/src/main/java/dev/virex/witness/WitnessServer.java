package dev.virex.witness;

import dev.virex.core.Bytes;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.CosignatureLines;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.core.witness.WitnessFormatException;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves any {@link WitnessApi} over HTTP, C2SP tlog-witness: {@code POST /add-checkpoint} (the
 * submission prefix is the server root) and {@code GET /<origin hash>/checkpoint} (so is the
 * monitoring prefix). Refusals take the status the spec prescribes; a 409 carries the known size
 * as {@code text/x.tlog.size}, other errors RFC 9457 problem+json.
 */
public final class WitnessServer implements AutoCloseable {
    static final String TEXT = "text/plain; charset=utf-8";
    /** tlog-witness 409 body type: the known tree size in decimal and a newline. */
    public static final String SIZE_TYPE = "text/x.tlog.size";

    private final HttpService http;

    private WitnessServer(HttpService http) {
        this.http = http;
    }

    /** @param origins the logs the witness knows, to resolve origin hashes on the monitoring prefix */
    public static WitnessServer start(WitnessApi witness, Collection<String> origins, HttpService.Options options) {
        Map<String, String> byHash = origins.stream().distinct()
                .collect(Collectors.toUnmodifiableMap(WitnessApi::originHash, Function.identity()));
        return new WitnessServer(HttpService.start(options, routes -> {
            routes.post("/add-checkpoint", ctx -> addCheckpoint(witness, ctx));
            routes.get("/{hash}/checkpoint", ctx -> checkpoint(witness, byHash, ctx));
        }));
    }

    private static void addCheckpoint(WitnessApi witness, Context ctx) {
        byte[] body = HttpService.body(ctx, AddCheckpointRequest.MAX_BYTES);
        AddCheckpointRequest req;
        try {
            req = AddCheckpointRequest.parse(body);
        } catch (WitnessFormatException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        try {
            ctx.contentType(TEXT).result(CosignatureLines.encode(witness.addCheckpoint(req)));
        } catch (WitnessException e) {
            throw problem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpProblem problem(WitnessException e) {
        return switch (e.kind()) {
            case CONFLICT -> HttpProblem.raw(409, e.getMessage(), SIZE_TYPE, e.knownSize().orElseThrow() + "\n");
            case MALFORMED -> HttpProblem.badRequest(e.getMessage());
            case BAD_SIGNATURE -> HttpProblem.forbidden(e.getMessage());
            case UNKNOWN_ORIGIN -> HttpProblem.notFound(e.getMessage());
            case BAD_PROOF -> HttpProblem.unprocessable(e.getMessage());
        };
    }

    private static void checkpoint(WitnessApi witness, Map<String, String> byHash, Context ctx) {
        String origin = byHash.get(ctx.pathParam("hash"));
        if (origin == null) {
            throw HttpProblem.notFound("no log with that origin hash");
        }
        Bytes cp;
        try {
            cp = witness.latestCheckpoint(origin).orElseThrow(() -> HttpProblem.notFound("no checkpoint cosigned yet for " + origin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Cache-Control", "public, max-age=5").contentType(TEXT).result(cp.toArray());
    }

    public URI baseUri() {
        return http.baseUri();
    }

    @Override
    public void close() {
        http.close();
    }
}
