package dev.virex.node.routing;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;

/**
 * One admitted node as a routing table holds it: what a peer needs to reach and authenticate it
 * (key, role, service and control addresses) and, for a mixnode, its layer.
 *
 * @param layer the mixnode's layer, 0 to layers - 1; {@link #NO_LAYER} for other roles
 * @param admittedIndex the log index of its {@code join-approved} decision
 */
public record Peer(String id, VerifierKey key, NodeRole role, NodeAddress address, NodeAddress control, String region,
                   int layer, long admittedIndex) {
    public static final int NO_LAYER = -1;

    public Peer {
        if (!id.equals(key.name())) {
            throw new IllegalArgumentException("a peer's id is its key name");
        }
        if ((role == NodeRole.MIXNODE) != (layer >= 0) || layer < NO_LAYER) {
            throw new IllegalArgumentException("mixnodes, and only mixnodes, have a layer");
        }
    }

    static Peer of(AdmittedNode n, int layer) {
        return new Peer(n.id(), n.info().node(), n.info().role(), n.info().address(), n.info().control(), n.info().region(),
                layer, n.admittedIndex());
    }
}
