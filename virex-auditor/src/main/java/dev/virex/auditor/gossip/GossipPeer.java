package dev.virex.auditor.gossip;

import java.io.IOException;

/**
 * An auditor as a gossip partner, mirroring {@code POST /gossip}: it takes the caller's latest
 * checkpoints and answers with its own. The auditor implements it in process; {@link
 * HttpGossipPeer} over HTTP; the auditor's server adapts any implementation.
 */
@FunctionalInterface
public interface GossipPeer {
    GossipMessage exchange(GossipMessage ours) throws IOException;
}
