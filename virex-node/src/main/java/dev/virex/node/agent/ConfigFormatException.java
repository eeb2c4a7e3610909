package dev.virex.node.agent;

/** A node configuration file that is not in the format of {@link NodeConfig}. */
public final class ConfigFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigFormatException(String message) {
        super(message);
    }
}
