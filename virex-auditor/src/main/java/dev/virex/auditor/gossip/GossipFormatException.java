package dev.virex.auditor.gossip;

/** The one checked exception of the gossip message format. */
public final class GossipFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public GossipFormatException(String message) {
        super(message);
    }
}
