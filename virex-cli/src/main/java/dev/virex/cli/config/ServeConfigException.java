package dev.virex.cli.config;

/** A configuration file of a {@code serve} command that does not follow its format; the message names the line. */
public final class ServeConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ServeConfigException(String message) {
        super(message);
    }
}
