package dev.virex.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with an HTTP meaning, thrown by service logic and turned into a response in exactly one
 * place ({@link HttpService}). The body is RFC 9457 problem+json unless the protocol being served
 * prescribes another (C2SP tlog-witness answers 409 with a {@code text/x.tlog.size} body).
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final Map<String, String> headers;
    private final String rawContentType;
    private final String rawBody;

    private HttpProblem(int status, String title, String detail, Map<String, String> headers,
                        String rawContentType, String rawBody) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
        this.rawContentType = rawContentType;
        this.rawBody = rawBody;
    }

    public static HttpProblem of(int status, String title, String detail) {
        return new HttpProblem(status, title, detail, Map.of(), null, null);
    }

    /** 400: the request is malformed. */
    public static HttpProblem badRequest(String detail) {
        return of(400, "Bad Request", detail);
    }

    /** 403: a signature did not verify, or the caller is not allowed. */
    public static HttpProblem forbidden(String detail) {
        return of(403, "Forbidden", detail);
    }

    /** 404: unknown resource, origin or key. */
    public static HttpProblem notFound(String detail) {
        return of(404, "Not Found", detail);
    }

    /** 409: conflicts with the current state. */
    public static HttpProblem conflict(String detail) {
        return of(409, "Conflict", detail);
    }

    /** 413: the body is larger than the endpoint accepts. */
    public static HttpProblem tooLarge(String detail) {
        return of(413, "Content Too Large", detail);
    }

    /** 422: well-formed, but a proof does not check out. */
    public static HttpProblem unprocessable(String detail) {
        return of(422, "Unprocessable Content", detail);
    }

    /** 429 with Retry-After (whole seconds, rounded up, at least 1). */
    public static HttpProblem tooManyRequests(String detail, Duration retryAfter) {
        long secs = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new HttpProblem(429, "Too Many Requests", detail, Map.of("Retry-After", Long.toString(secs)), null, null);
    }

    /** 503: temporarily unable, e.g. not enough members or witnesses reachable. */
    public static HttpProblem unavailable(String detail) {
        return of(503, "Service Unavailable", detail);
    }

    /** A problem whose body the served protocol prescribes exactly. */
    public static HttpProblem raw(int status, String detail, String contentType, String body) {
        return new HttpProblem(status, "", detail, Map.of(), contentType, body);
    }

    public HttpProblem withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpProblem(status, title, getMessage(), h, rawContentType, rawBody);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The protocol-prescribed content type, or null for problem+json. */
    public String rawContentType() {
        return rawContentType;
    }

    public String rawBody() {
        return rawBody;
    }
}
