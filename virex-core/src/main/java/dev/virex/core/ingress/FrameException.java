package dev.virex.core.ingress;

/**
 * The one checked exception of the mixnode ingress wire format (submit and reply frames, sealed
 * payloads): wrong size, magic, type, non-zero reserved bytes, unknown codes, or a payload that
 * does not open.
 */
public final class FrameException extends Exception {
    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }

    public FrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
