package dev.virex.core.probe;

/** The one checked exception of the probe formats. */
public final class ProbeFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProbeFormatException(String message) {
        super(message);
    }
}
