package dev.virex.core.decision;

/** The one checked exception of the decision and directory text formats (docs/spec/decisions.md). */
public final class DecisionFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecisionFormatException(String message) {
        super(message);
    }
}
