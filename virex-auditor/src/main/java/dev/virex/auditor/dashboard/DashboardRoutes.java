package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The dashboard's routes on the auditor's HTTP service: the page ({@code GET /dashboard}), its
 * stylesheet and script, and {@code GET /} redirecting to it. Every answer forbids sniffing and
 * framing; the page's Content-Security-Policy allows only this origin's stylesheet and script (no
 * inline script or style, no other origin), a second line of defence behind escaping.
 */
public final class DashboardRoutes {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final byte[] STYLE = resource("dashboard.css");
    private static final byte[] SCRIPT = resource("dashboard.js");

    private DashboardRoutes() {}

    public static void add(RoutesConfig routes, AuditState state, String auditor) {
        routes.get("/", ctx -> ctx.redirect(DashboardPage.PATH));
        routes.get(DashboardPage.PATH, ctx -> secure(ctx).header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8").result(DashboardPage.render(state.snapshot(), auditor)));
        routes.get(DashboardPage.CSS, ctx -> secure(ctx).header("Cache-Control", "no-cache").contentType("text/css; charset=utf-8").result(STYLE));
        routes.get(DashboardPage.JS, ctx -> secure(ctx).header("Cache-Control", "no-cache")
                .contentType("text/javascript; charset=utf-8").result(SCRIPT));
    }

    private static Context secure(Context ctx) {
        return ctx.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY");
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
