package dev.virex.federation.config;

/** A configuration or policy file that cannot be read or is not valid; the message names the file and the problem. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
