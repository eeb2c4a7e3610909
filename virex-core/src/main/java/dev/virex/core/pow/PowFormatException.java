package dev.virex.core.pow;

/** The one checked exception of the binary PoW solution encoding ({@link PowSolution}). */
public final class PowFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PowFormatException(String message) {
        super(message);
    }
}
