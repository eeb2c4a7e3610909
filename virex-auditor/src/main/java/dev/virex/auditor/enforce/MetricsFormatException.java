package dev.virex.auditor.enforce;

/** The one checked exception of the Prometheus text reader. */
public final class MetricsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public MetricsFormatException(String message) {
        super(message);
    }
}
