package dev.virex.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a VIREX HTTP service (Javalin 7 on Jetty 12, virtual threads) with the project's one
 * failure mapping: {@link HttpProblem} becomes its status with an RFC 9457 problem+json body,
 * anything unexpected a 500 with an id that is also logged. Handlers stay thin: read the body with
 * {@link #body(Context, int)}, call a pure function, write the result.
 */
public final class HttpService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpService.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    /**
     * @param name service name for logs
     * @param host address to bind; plain HTTP is refused on non-loopback addresses unless
     *     {@code allowPlainHttpOnPublicAddress}
     * @param port port, 0 for any free port
     * @param maxRequestBytes server-wide cap on request bodies (endpoints set tighter caps)
     */
    public record Options(String name, String host, int port, long maxRequestBytes, boolean allowPlainHttpOnPublicAddress,
                          java.util.Optional<Tls> tls) {
        public Options(String name, String host, int port, long maxRequestBytes, boolean allowPlainHttpOnPublicAddress) {
            this(name, host, port, maxRequestBytes, allowPlainHttpOnPublicAddress, java.util.Optional.empty());
        }

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (maxRequestBytes <= 0) {
                throw new IllegalArgumentException("maxRequestBytes must be positive");
            }
        }

        public static Options loopback(String name) {
            return new Options(name, "127.0.0.1", 0, 1 << 20, false);
        }

        public Options withPort(int p) {
            return new Options(name, host, p, maxRequestBytes, allowPlainHttpOnPublicAddress, tls);
        }

        public Options withHost(String h) {
            return new Options(name, h, port, maxRequestBytes, allowPlainHttpOnPublicAddress, tls);
        }

        /** Serve HTTPS with this certificate and key instead of plain HTTP. */
        public Options withTls(Tls t) {
            return new Options(name, host, port, maxRequestBytes, allowPlainHttpOnPublicAddress, java.util.Optional.of(t));
        }
    }

    private final Javalin app;
    private final Options options;

    private HttpService(Javalin app, Options options) {
        this.app = app;
        this.options = options;
    }

    public static HttpService start(Options options, Consumer<RoutesConfig> routes) {
        requireSafeBind(options);
        java.security.KeyStore keyStore;
        try {
            keyStore = options.tls().isPresent() ? options.tls().get().keyStore() : null;
        } catch (IOException e) {
            throw new IllegalArgumentException(options.name() + ": " + e.getMessage(), e);
        }
        Javalin app = Javalin.create(config -> {
            if (keyStore != null) {
                config.jetty.addConnector((server, httpConfig) -> TlsConnector.create(server, httpConfig, keyStore, options));
            }
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = options.maxRequestBytes();
            config.http.generateEtags = false;
            config.routes.exception(HttpProblem.class, (e, ctx) -> respond(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    respond(ctx, HttpProblem.of(e.getStatus(), reason(e.getStatus()), e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString();
                log.error("{}: internal error {} on {} {}", options.name(), id, ctx.method(), ctx.path(), e);
                respond(ctx, HttpProblem.of(500, "Internal Server Error", "internal error, reference " + id));
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || !PROBLEM_JSON.equals(ctx.res().getContentType())) {
                    respond(ctx, HttpProblem.notFound("no such resource: " + ctx.path()));
                }
            });
            config.routes.error(405, "*", ctx ->
                    respond(ctx, HttpProblem.of(405, "Method Not Allowed", ctx.method() + " not allowed on " + ctx.path())));
            routes.accept(config.routes);
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            throw new IllegalStateException(options.name() + ": cannot listen on " + options.host() + ":" + options.port()
                    + ": " + rootMessage(e), e);
        }
        log.info("{} listening on {}://{}:{}", options.name(), options.tls().isPresent() ? "https" : "http",
                options.host(), app.port());
        return new HttpService(app, options);
    }

    /**
     * Reads the request body, refusing more than {@code max} bytes with 413 before reading them
     * all (Content-Length is checked first, then the stream is cut at max + 1).
     */
    public static byte[] body(Context ctx, int max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw HttpProblem.tooLarge("body of " + declared + " bytes exceeds the limit of " + max);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                throw HttpProblem.tooLarge("body exceeds the limit of " + max + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw HttpProblem.badRequest("cannot read request body: " + e.getMessage());
        }
    }

    /** Writes {@code value} as JSON. */
    public static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(Json.write(value));
    }

    static void respond(Context ctx, HttpProblem p) {
        ctx.status(p.status());
        p.headers().forEach(ctx::header);
        if (p.rawContentType() != null) {
            ctx.contentType(p.rawContentType()).result(p.rawBody());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail() == null ? "" : p.detail());
        ctx.contentType(PROBLEM_JSON).result(Json.write(body));
    }

    static void requireSafeBind(Options o) {
        InetAddress addr;
        try {
            addr = InetAddress.getByName(o.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(o.name() + ": cannot resolve listen address " + o.host());
        }
        if (!addr.isLoopbackAddress() && o.tls().isEmpty() && !o.allowPlainHttpOnPublicAddress()) {
            throw new IllegalArgumentException(o.name() + ": refusing plain HTTP on non-loopback address " + o.host()
                    + "; give a TLS certificate and key, or put it behind a TLS proxy and pass the explicit allow-plain-http option");
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> "HTTP " + status;
        };
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public int port() {
        return app.port();
    }

    public URI baseUri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create((options.tls().isPresent() ? "https://" : "http://") + host + ":" + app.port());
    }

    @Override
    public void close() {
        app.stop();
        log.info("{} stopped", options.name());
    }
}
