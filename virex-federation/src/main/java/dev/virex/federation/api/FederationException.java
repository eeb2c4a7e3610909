package dev.virex.federation.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal of the federation's public API, the same in process and over HTTP: {@link #status()}
 * is the HTTP status (0 when the member could not be reached), with Retry-After for 429.
 */
public final class FederationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    public FederationException(int status, String message) {
        this(status, message, Optional.empty());
    }

    public FederationException(int status, String message, Optional<Duration> retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
