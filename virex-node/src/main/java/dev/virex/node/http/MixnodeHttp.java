package dev.virex.node.http;

import dev.virex.core.ingress.MixnodeApi;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The mixnode's public HTTP service (virex-http, Javalin): adapts any {@link MixnodeApi} and a
 * metrics scrape. Endpoints: {@code GET /v1/pow} (JSON), {@code GET /v1/reports/latest} and
 * {@code GET /v1/reports/<interval>} (signed notes, text/plain), {@code GET /metrics} (Prometheus
 * text), {@code POST /probe} (federation probes, {@link ProbeResponder}), and whatever a node agent
 * adds ({@link ControlEndpoints}). Everything here is public and aggregate; nothing is per client.
 */
public final class MixnodeHttp {
    public static final String NOTE_TYPE = "text/plain; charset=utf-8";
    public static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MixnodeHttp() {}

    public static HttpService start(HttpService.Options options, MixnodeApi api, Supplier<String> metrics) {
        return start(options, api, metrics, null, ControlEndpoints.NONE);
    }

    /** The service with a probe responder (may be null) and a node agent's extra endpoints. */
    public static HttpService start(HttpService.Options options, MixnodeApi api, Supplier<String> metrics,
                                    ProbeResponder probe, ControlEndpoints control) {
        return HttpService.start(options, routes -> {
            if (probe != null) {
                probe.mount(routes);
            }
            control.mount(routes);
            routes.get("/v1/pow", ctx -> HttpService.json(ctx, 200, call(api::powInfo)));
            routes.get("/v1/reports/latest", ctx -> ctx.contentType(NOTE_TYPE).result(call(() -> api.report(-1))));
            routes.get("/v1/reports/{interval}", ctx -> {
                long n = interval(ctx.pathParam("interval"));
                ctx.contentType(NOTE_TYPE).result(call(() -> api.report(n)));
            });
            routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TYPE).result(metrics.get() + control.metrics()));
        });
    }

    static long interval(String s) {
        if (!s.matches("0|[1-9][0-9]{0,17}")) {
            throw HttpProblem.badRequest("interval must be a canonical decimal number");
        }
        return Long.parseLong(s);
    }

    private interface Call<T> {
        T get() throws IOException;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.get();
        } catch (NoSuchElementException e) {
            throw HttpProblem.notFound(e.getMessage());
        } catch (IOException e) {
            throw HttpProblem.unavailable(e.getMessage());
        }
    }
}
