package dev.virex.federation.wire;

/**
 * The one checked exception of the member-message envelope (docs/spec/federation.md,
 * "Envelopes"). {@link Kind#status()} is the HTTP status the receiving member answers.
 */
public final class EnvelopeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why an envelope is refused. */
    public enum Kind {
        MALFORMED(400),
        TOO_LARGE(413),
        /** Signed by a key that is not a member's identity key. */
        UNKNOWN_SENDER(403),
        BAD_SIGNATURE(403),
        /** Addressed to another member, or its time is outside the window. */
        NOT_FOR_ME(403),
        /** Seen before. */
        REPLAY(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public EnvelopeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
