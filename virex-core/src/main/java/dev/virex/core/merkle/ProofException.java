package dev.virex.core.merkle;

/** The one checked exception of Merkle proof verification: the proof does not prove the claim. */
public final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which part of the verification failed. */
    public enum Reason {
        /** Sizes, indexes, hash lengths or the number of proof hashes are impossible. */
        MALFORMED,
        /** Consistency only: the proof does not lead back to the first (older) root. */
        FIRST_ROOT_MISMATCH,
        /** The proof does not lead to the (second) root. */
        ROOT_MISMATCH
    }

    private final Reason reason;

    public ProofException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
