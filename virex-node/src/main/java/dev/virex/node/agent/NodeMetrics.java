package dev.virex.node.agent;

import dev.virex.core.decision.NodeRole;
import dev.virex.node.follow.FollowerStats;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.routing.PeerLinks;
import dev.virex.node.routing.PeerMonitor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The node agent's Prometheus meters (Micrometer), read from the follower and the peer monitor
 * at scrape time: {@code virex_node_log_size}, {@code virex_node_alarm} (1 once the follower
 * stopped on a split view or a bad entry), {@code virex_node_removed}, {@code virex_node_peers} by
 * role, {@code virex_node_peers_unreachable}, {@code virex_node_peer_links}, and the counters
 * {@code virex_node_polls_total}, {@code virex_node_poll_failures_total},
 * {@code virex_node_entries_total}, {@code virex_node_anomalies_total},
 * {@code virex_node_unwitnessed_checkpoints_total}, {@code virex_node_persist_failures_total}.
 * Everything is about the network, nothing about clients.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    NodeMetrics(NodeFollower follower, PeerMonitor monitor, PeerLinks links, BooleanSupplier removed) {
        FollowerStats s = follower.stats();
        Gauge.builder("virex.node.log.size", follower, f -> f.table().logSize()).description("log entries folded").register(registry);
        Gauge.builder("virex.node.alarm", follower, f -> f.alarm().isPresent() ? 1 : 0)
                .description("1 when following stopped on a split view or a bad entry").register(registry);
        Gauge.builder("virex.node.removed", removed, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when the federation removed this node").register(registry);
        for (NodeRole role : NodeRole.values()) {
            Gauge.builder("virex.node.peers", follower, f -> f.table().byRole(role).size()).tag("role", role.wire())
                    .description("admitted nodes in the routing table").register(registry);
        }
        Gauge.builder("virex.node.peers.unreachable", monitor, m -> m.report().unreachable().size()).register(registry);
        Gauge.builder("virex.node.peer.links", links, PeerLinks::size).register(registry);
        FunctionCounter.builder("virex.node.polls", s, FollowerStats::polls).register(registry);
        FunctionCounter.builder("virex.node.poll.failures", s, FollowerStats::failures).register(registry);
        FunctionCounter.builder("virex.node.entries", s, FollowerStats::entries).register(registry);
        FunctionCounter.builder("virex.node.anomalies", s, FollowerStats::anomalies).register(registry);
        FunctionCounter.builder("virex.node.persist.failures", s, FollowerStats::persistFailures).register(registry);
        FunctionCounter.builder("virex.node.unwitnessed.checkpoints", follower, f -> f.source().refusedCount())
                .description("checkpoints not followed for lack of the witness quorum").register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
