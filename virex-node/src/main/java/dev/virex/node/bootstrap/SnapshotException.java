package dev.virex.node.bootstrap;

/** A directory snapshot bundle that does not verify; {@link #reason()} says which check failed. */
public final class SnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a bundle, proof, directory or decision in the expected format. */
        MALFORMED,
        /** The proof's checkpoint lacks the witness quorum of the policy. */
        NO_QUORUM,
        /** The checkpoint's log signature or the inclusion proof does not verify. */
        BAD_PROOF,
        /** The entry is not a decision signed (and attested) by the configured federation key. */
        BAD_SIGNATURE,
        /** The parts do not belong together (index, digest, node count, kind, federation). */
        MISMATCH
    }

    private final Reason reason;

    public SnapshotException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SnapshotException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
