package dev.virex.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A non-2xx answer from a VIREX (or other) service, with the detail it gave. */
public final class RemoteProblem extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String detail;
    private final transient Optional<Duration> retryAfter;
    private final String body;

    public RemoteProblem(URI uri, int status, String detail, Optional<Duration> retryAfter, String body) {
        super(uri + " answered " + status + (detail.isEmpty() ? "" : ": " + detail));
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    static RemoteProblem from(URI uri, HttpClients.Response r) {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        String detail = text.length() > 300 ? text.substring(0, 300) : text.strip();
        if (r.header("Content-Type").map(c -> c.startsWith(HttpService.PROBLEM_JSON)).orElse(false)) {
            try {
                JsonNode n = Json.MAPPER.readTree(r.body());
                detail = n.path("detail").asText(detail);
            } catch (IOException e) {
                // keep the raw text
            }
        }
        Optional<Duration> retry = r.header("Retry-After").flatMap(RemoteProblem::seconds);
        return new RemoteProblem(uri, r.status(), detail, retry, text);
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The raw body, for protocols that put data in error answers (tlog-witness 409). */
    public String body() {
        return body;
    }
}
