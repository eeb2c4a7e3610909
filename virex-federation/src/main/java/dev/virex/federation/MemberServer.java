package dev.virex.federation;

import dev.virex.core.join.SignedJoinRequest;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.monitor.NodeHealth;
import dev.virex.federation.wire.Envelope;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import io.javalin.http.Context;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A member's HTTP endpoints (docs/spec/federation.md, "Endpoints"): the public ones
 * ({@code POST /join}, {@code GET /join/<id>}, {@code GET /directory}, {@code GET /health},
 * {@code GET /nodes}), the member-to-member ones ({@code POST /member/<kind>}, signed envelopes)
 * and the admin ones ({@code POST /admin/<kind>}, envelopes signed by the member's own key).
 * Handlers are thin. The server can start before its member exists ({@link #attach}); until then
 * it answers 503.
 */
public final class MemberServer implements AutoCloseable {
    /** A node as {@code GET /nodes} lists it. */
    public record NodeView(String id, String role, String address, String control, String region, long bandwidthMbps,
                           String operator, String software, long admittedIndex, NodeHealth health) {}

    private final HttpService http;
    private final AtomicReference<MemberEndpoints> member;

    private MemberServer(HttpService http, AtomicReference<MemberEndpoints> member) {
        this.http = http;
        this.member = member;
    }

    public static MemberServer start(HttpService.Options options) {
        AtomicReference<MemberEndpoints> ref = new AtomicReference<>();
        HttpService http = HttpService.start(options, routes -> {
            routes.post("/join", ctx -> {
                byte[] body = HttpService.body(ctx, SignedJoinRequest.MAX_NOTE);
                HttpService.json(ctx, 202, call(() -> member(ref).api().submitJoin(body)));
            });
            routes.get("/join/{id}", ctx -> HttpService.json(ctx, 200, call(() -> member(ref).api().joinStatus(ctx.pathParam("id")))));
            routes.get("/directory", ctx -> HttpService.json(ctx, 200, call(() -> member(ref).api().directory())));
            routes.get("/health", ctx -> HttpService.json(ctx, 200, member(ref).health()));
            routes.get("/nodes", ctx -> HttpService.json(ctx, 200, member(ref).nodes()));
            routes.post("/member/{kind}", ctx -> raw(ctx, member(ref).memberCall(ctx.pathParam("kind"), HttpService.body(ctx, Envelope.MAX_NOTE))));
            routes.post("/admin/{kind}", ctx -> raw(ctx, member(ref).adminCall(ctx.pathParam("kind"), HttpService.body(ctx, Envelope.MAX_NOTE))));
        });
        return new MemberServer(http, ref);
    }

    /** Serves {@code m} from now on; null answers 503 again. */
    public void attach(MemberEndpoints m) {
        member.set(m);
    }

    public URI baseUri() {
        return http.baseUri();
    }

    private static MemberEndpoints member(AtomicReference<MemberEndpoints> ref) {
        MemberEndpoints m = ref.get();
        if (m == null) {
            throw HttpProblem.unavailable("the member is starting");
        }
        return m;
    }

    private static void raw(Context ctx, byte[] answer) {
        ctx.status(200).contentType("application/octet-stream").result(answer);
    }

    interface Call<T> {
        T get() throws FederationException;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.get();
        } catch (FederationException e) {
            throw EnvelopeDispatch.problem(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
