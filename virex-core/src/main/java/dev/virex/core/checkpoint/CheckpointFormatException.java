package dev.virex.core.checkpoint;

/** The one checked exception of the checkpoint text format (C2SP tlog-checkpoint). */
public final class CheckpointFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointFormatException(String message) {
        super(message);
    }
}
