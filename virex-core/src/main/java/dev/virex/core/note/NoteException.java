package dev.virex.core.note;

/**
 * The one checked exception of the signed-note format (C2SP signed-note): a malformed note, key
 * or signature line, or a signature that does not verify. {@link #kind()} tells which, so that an
 * HTTP front end maps it to one status (malformed: 400; signature problems: 403).
 */
public final class NoteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The bytes are not a well-formed note, key or signature line. */
        MALFORMED,
        /** The note, or one of its parts, is larger than this implementation accepts. */
        TOO_LARGE,
        /** A signature by a known key failed to verify: the whole note is rejected. */
        INVALID_SIGNATURE,
        /** No signature by any known key: the note must be ignored. */
        UNVERIFIED
    }

    private final Kind kind;

    public NoteException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public NoteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static NoteException malformed(String message) {
        return new NoteException(Kind.MALFORMED, message);
    }
}
