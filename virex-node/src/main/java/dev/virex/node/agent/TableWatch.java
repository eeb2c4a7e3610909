package dev.virex.node.agent;

import dev.virex.core.decision.Directory;
import dev.virex.core.decision.FoldOutcome;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.VerifierKey;
import dev.virex.node.follow.DirectoryFollower;
import dev.virex.node.follow.FollowerListener;
import dev.virex.node.routing.Peer;
import dev.virex.node.routing.PeerMonitor;
import dev.virex.node.routing.RoutingTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does in the same step as each routing table swap: peers that left are forgotten and
 * their connections closed, joins are logged, its own removal is noticed (and reported to
 * {@code removed}), and {@code refresh} runs (the mixnode's gate re-reads parameters and seeds).
 */
final class TableWatch implements FollowerListener {
    private static final Logger log = LoggerFactory.getLogger(TableWatch.class);

    private final VerifierKey self;
    private final PeerMonitor monitor;
    private final Consumer<String> removed;
    private final Runnable refresh;

    TableWatch(VerifierKey self, PeerMonitor monitor, Consumer<String> removed, Runnable refresh) {
        this.self = self;
        this.monitor = monitor;
        this.removed = removed;
        this.refresh = refresh;
    }

    @Override
    public void updated(RoutingTable before, RoutingTable after, DirectoryFollower.Update update) {
        List<Peer> dropped = after.droppedSince(before);
        dropped.forEach(p -> monitor.forget(p.id()));
        if (!dropped.isEmpty()) {
            log.info("log size {}: dropped {} from the routing table, connections to them closed", after.logSize(),
                    dropped.stream().map(Peer::id).collect(Collectors.joining(", ")));
        }
        List<Peer> added = after.addedSince(before);
        if (!added.isEmpty()) {
            log.info("log size {}: {} joined the routing table ({} peers)", after.logSize(),
                    added.size() <= 8 ? added.stream().map(Peer::id).collect(Collectors.joining(", ")) : added.size() + " nodes",
                    after.peers().size());
        }
        for (FoldOutcome o : update.outcomes()) {
            if (o.applied() && o.decision() instanceof NodeRemoved r && r.node().equals(self)) {
                removed.accept("removed by the federation at log index " + o.index() + ": "
                        + r.reasons().stream().map(TableWatch::reason).collect(Collectors.joining("; ")));
            }
        }
        refresh.run();
    }

    /** Why this node must not serve, if {@code d} (a directory it starts from) has it removed and not admitted again. */
    static Optional<String> removedIn(Directory d, String id) {
        Instant at = d.removed().get(id);
        if (at == null || d.nodes().containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of("removed by the federation at " + at + " (before this start); rejoin under a new key");
    }

    private static String reason(Reason r) {
        return r.text().isEmpty() ? r.code() : r.code() + " " + r.text();
    }
}
