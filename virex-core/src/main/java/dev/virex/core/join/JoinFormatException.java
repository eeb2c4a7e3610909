package dev.virex.core.join;

/**
 * The one checked exception of the join request format (docs/spec/federation.md, "Join request").
 * {@link #kind()} says which HTTP status a member answers: malformed 400, too large 413, a
 * signature that does not verify 403.
 */
public final class JoinFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the request. */
    public enum Kind {
        MALFORMED,
        TOO_LARGE,
        BAD_SIGNATURE
    }

    private final Kind kind;

    public JoinFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public JoinFormatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static JoinFormatException malformed(String message) {
        return new JoinFormatException(Kind.MALFORMED, message);
    }
}
