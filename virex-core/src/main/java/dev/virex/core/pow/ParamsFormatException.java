package dev.virex.core.pow;

/**
 * The one checked exception of the abuse-parameter text formats ({@link AbuseParams},
 * {@link ParamsChange}, {@link ParamsTimeline}): malformed, non-canonical or out-of-range text.
 */
public final class ParamsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParamsFormatException(String message) {
        super(message);
    }

    public ParamsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
