package dev.virex.node.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.routing.RoutingTable;
import java.time.Instant;

/**
 * {@code GET /health}: what the node is doing. {@code status} is {@code ok} (admitted and
 * following), {@code pending} (following, not admitted yet), {@code syncing} (no verified
 * directory yet), {@code alarm} (following stopped on evidence of misbehaviour) or
 * {@code removed} (the federation removed this node; it stopped serving). Served with 200 for the
 * first three, 503 for the last two.
 *
 * @param unwitnessed why the log's latest checkpoint is not followed (no witness quorum), if so
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeHealth(String status, String node, String role, String software, long logSize, long checkpointSize,
                         String lastPoll, String alarm, String removed, String lastError, String unwitnessed,
                         boolean witnessed) {
    static NodeHealth of(VerifierKey self, NodeRole role, NodeFollower follower, String removed) {
        RoutingTable t = follower.table();
        boolean admitted = t.peer(self.name()).map(p -> p.key().equals(self)).orElse(false);
        String status = follower.alarm().isPresent() ? "alarm" : removed != null ? "removed"
                : follower.directory().isEmpty() ? "syncing" : admitted ? "ok" : "pending";
        return new NodeHealth(status, self.name(), role.wire(), NodeSoftware.VERSION, t.logSize(),
                follower.checkpoint().map(c -> c.checkpoint().size()).orElse(0L),
                follower.lastSuccess().map(Instant::toString).orElse(null),
                follower.alarm().map(a -> a.kind().wire() + ": " + a.message()).orElse(null), removed,
                follower.lastError().orElse(null), follower.source().refusal().orElse(null),
                !follower.source().policy().requiresNoWitnesses());
    }

    public boolean healthy() {
        return !status.equals("alarm") && !status.equals("removed");
    }
}
