package dev.virex.log.client;

import dev.virex.core.checkpoint.SignedCheckpoint;

/**
 * Proof that a log showed two inconsistent trees: two checkpoints, both validly signed by the log,
 * where the later one does not extend the earlier one (or two different roots for one size). A
 * hard failure, distinct from bad or missing data: never retry past it; keep the two checkpoints
 * as evidence (their exact bytes are in {@link SignedCheckpoint#raw()}).
 */
public final class SplitViewException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SignedCheckpoint first;
    private final transient SignedCheckpoint second;

    public SplitViewException(String message, SignedCheckpoint first, SignedCheckpoint second) {
        super("split view: " + message + " (sizes " + first.checkpoint().size() + " and " + second.checkpoint().size() + ")");
        this.first = first;
        this.second = second;
    }

    public SignedCheckpoint first() {
        return first;
    }

    public SignedCheckpoint second() {
        return second;
    }
}
