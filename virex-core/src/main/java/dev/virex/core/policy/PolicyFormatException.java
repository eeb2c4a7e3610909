package dev.virex.core.policy;

/** The one checked exception of the trust policy format (C2SP tlog-policy). */
public final class PolicyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyFormatException(String message) {
        super(message);
    }
}
