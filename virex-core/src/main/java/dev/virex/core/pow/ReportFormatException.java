package dev.virex.core.pow;

/** The one checked exception of the enforcement report text format ({@link EnforcementReport}). */
public final class ReportFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
