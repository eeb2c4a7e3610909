package dev.virex.crypto.entry;

/**
 * A log entry that is not a well-formed, correctly signed and attested federation decision. The
 * message says which part failed: the group signature, the decision text, or the attestation.
 */
public final class EntryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which part of the entry failed. */
    public enum Part {
        GROUP_SIGNATURE,
        DECISION,
        ATTESTATION
    }

    private final Part part;

    public EntryException(Part part, String message, Throwable cause) {
        super(message, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
