package dev.virex.log;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the log refuses, with the reason as a {@link Kind}. The same kinds come out of the
 * log in memory and out of its HTTP client, so callers handle one set of failures whichever way
 * they reach the log; the HTTP layer maps each kind to one status code.
 */
public final class LogException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused, with the HTTP status that carries it. */
    public enum Kind {
        /** Malformed request or entry. */
        MALFORMED(400),
        /** The entry is not signed by a configured federation key, or a signature is invalid. */
        FORBIDDEN(403),
        /** No such tile, entry or proof (yet). */
        NOT_FOUND(404),
        /** The request names a tree size the log has not reached. */
        CONFLICT(409),
        /** The entry exceeds the size limit. */
        TOO_LARGE(413),
        /** The log is busy: retry after the time given. */
        BUSY(429),
        /** The log is closed or has failed. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        public static Optional<Kind> ofStatus(int status) {
            for (Kind k : values()) {
                if (k.status == status) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public LogException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public LogException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#BUSY}: how long to wait before retrying. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
