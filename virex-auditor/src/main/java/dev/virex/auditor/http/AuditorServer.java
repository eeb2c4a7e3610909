package dev.virex.auditor.http;

import dev.virex.auditor.AuditState;
import dev.virex.auditor.dashboard.DashboardRoutes;
import dev.virex.auditor.gossip.GossipFormatException;
import dev.virex.auditor.gossip.GossipMessage;
import dev.virex.auditor.gossip.GossipPeer;
import dev.virex.auditor.notice.AtomFeed;
import dev.virex.auditor.notice.NoticeStore;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's public HTTP API (docs/spec/auditor.md, "Endpoints"): its notices newest first and
 * paged ({@code GET /notices}), one notice ({@code GET /notices/<serial>}), an Atom feed
 * ({@code GET /notices.atom}), its vkey, its state for the dashboard ({@code GET /state}), the
 * transparency dashboard ({@code GET /dashboard}, {@link DashboardRoutes}), and gossip
 * ({@code GET}/{@code POST /gossip}). Handlers are thin.
 */
public final class AuditorServer implements AutoCloseable {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    static final String TEXT = "text/plain; charset=utf-8";

    private final HttpService http;

    private AuditorServer(HttpService http) {
        this.http = http;
    }

    public static AuditorServer start(NoticeStore notices, VerifierKey auditor, AuditState state, GossipPeer gossip,
                                      HttpService.Options options) {
        return new AuditorServer(HttpService.start(options, routes -> {
            routes.get("/notices", ctx -> page(notices, ctx));
            routes.get("/notices.atom", ctx -> ctx.contentType("application/atom+xml; charset=utf-8")
                    .result(AtomFeed.render(auditor, read(() -> notices.newest(Long.MAX_VALUE, DEFAULT_PAGE)))));
            routes.get("/notices/{serial}", ctx -> {
                long serial = number(ctx.pathParam("serial"), "serial");
                NoticeStore.Stored n = read(() -> notices.get(serial)).orElseThrow(() -> HttpProblem.notFound("no notice " + serial));
                ctx.contentType(TEXT).result(n.note().toArray());
            });
            routes.get("/vkey", ctx -> ctx.contentType(TEXT).result(auditor.encode() + "\n"));
            routes.get("/state", ctx -> HttpService.json(ctx.header("Cache-Control", "no-store"), 200, state.snapshot()));
            DashboardRoutes.add(routes, state, auditor.name());
            routes.get("/gossip", ctx -> ctx.contentType(TEXT).result(read(() -> gossip.exchange(new GossipMessage(List.of()))).encode()));
            routes.post("/gossip", ctx -> {
                GossipMessage theirs;
                try {
                    theirs = GossipMessage.parse(HttpService.body(ctx, GossipMessage.MAX_BYTES));
                } catch (GossipFormatException e) {
                    throw HttpProblem.badRequest(e.getMessage());
                }
                ctx.contentType(TEXT).result(read(() -> gossip.exchange(theirs)).encode());
            });
        }));
    }

    /** {@code GET /notices?before=<serial>&limit=<n>}: newest first, with the link to the next page. */
    private static void page(NoticeStore notices, Context ctx) {
        Map<String, List<String>> q = ctx.queryParamMap();
        if (!List.of("before", "limit").containsAll(q.keySet()) || q.values().stream().anyMatch(v -> v.size() != 1)) {
            throw HttpProblem.badRequest("query parameters are 'before' and 'limit', once each");
        }
        long before = q.containsKey("before") ? number(q.get("before").get(0), "before") : Long.MAX_VALUE;
        long limit = q.containsKey("limit") ? number(q.get("limit").get(0), "limit") : DEFAULT_PAGE;
        if (limit < 1 || limit > MAX_PAGE) {
            throw HttpProblem.badRequest("limit must be 1 to " + MAX_PAGE);
        }
        List<NoticeStore.Stored> page = read(() -> notices.newest(before, (int) limit));
        List<Map<String, Object>> items = new ArrayList<>();
        for (NoticeStore.Stored n : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serial", n.serial());
            m.put("kind", n.kind());
            m.put("note", new String(n.note().toArray(), StandardCharsets.UTF_8));
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notices", items);
        body.put("next", page.size() == limit ? "/notices?before=" + page.get(page.size() - 1).serial() + "&limit=" + limit : null);
        HttpService.json(ctx, 200, body);
    }

    static long number(String s, String what) {
        if (!s.matches("0|[1-9][0-9]{0,18}")) {
            throw HttpProblem.badRequest(what + " must be a canonical decimal number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(what + " is out of range");
        }
    }

    interface Read<T> {
        T get() throws IOException;
    }

    static <T> T read(Read<T> r) {
        try {
            return r.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return http.baseUri();
    }

    @Override
    public void close() {
        http.close();
    }
}
