package dev.virex.auditor.notice;

/** The one checked exception of the audit notice format: malformed, non-canonical or too large. */
public final class NoticeFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoticeFormatException(String message) {
        super(message);
    }

    public NoticeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
