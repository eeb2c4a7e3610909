package dev.virex.core.witness;

/**
 * The one checked exception of the C2SP tlog-witness wire formats: an add-checkpoint request body
 * or a cosignature response body that is malformed or too large.
 */
public final class WitnessFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public WitnessFormatException(String message) {
        super(message);
    }

    public WitnessFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
