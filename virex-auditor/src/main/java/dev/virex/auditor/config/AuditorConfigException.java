package dev.virex.auditor.config;

/** The one checked exception of the auditor configuration format. */
public final class AuditorConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuditorConfigException(String message) {
        super(message);
    }
}
