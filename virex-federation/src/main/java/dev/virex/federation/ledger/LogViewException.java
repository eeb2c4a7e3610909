package dev.virex.federation.ledger;

/**
 * The member cannot trust or reach the log: unreachable, a checkpoint or tile that does not
 * verify, a split view, or an entry the fold cannot get past. The member stops deciding until the
 * log is readable and consistent again; the message says why.
 */
public final class LogViewException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogViewException(String message, Throwable cause) {
        super(message, cause);
    }
}
