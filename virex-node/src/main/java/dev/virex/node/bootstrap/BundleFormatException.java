package dev.virex.node.bootstrap;

/** A directory snapshot bundle that is not well-formed JSON of the expected shape. */
public final class BundleFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
