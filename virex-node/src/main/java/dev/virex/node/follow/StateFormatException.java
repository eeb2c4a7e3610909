package dev.virex.node.follow;

/** A persisted node state file that is not in the format of {@link FollowerState}, or does not verify. */
public final class StateFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
