package dev.virex.core.decision;

/**
 * A log entry the fold must not get past: not signed by the federation's current group key, not a
 * decision, or a genesis that does not match the trusted key. Followers stop on it and alarm.
 */
public final class FoldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long index;

    public FoldException(long index, String message) {
        super("log entry " + index + ": " + message);
        this.index = index;
    }

    public long index() {
        return index;
    }
}
