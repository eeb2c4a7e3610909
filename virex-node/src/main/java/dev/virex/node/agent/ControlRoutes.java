package dev.virex.node.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.virex.http.HttpService;
import dev.virex.node.http.ControlEndpoints;
import dev.virex.node.routing.Peer;
import dev.virex.node.routing.PeerMonitor;
import dev.virex.node.routing.RoutingTable;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The node agent's endpoints on its control service: {@code GET /health} ({@link NodeHealth}),
 * {@code GET /v1/routing} (the routing table with this node's view of each peer's reachability),
 * {@code GET /v1/peers/unreachable} (the aggregate reachability report) and its meters in
 * {@code /metrics}. Handlers only read published state.
 */
final class ControlRoutes implements ControlEndpoints {
    /** One peer in {@code GET /v1/routing}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PeerView(String node, String key, String role, Integer layer, String address, String control, String region,
                    long admittedIndex, String reachability, String since) {}

    /** {@code GET /v1/routing}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoutingView(long logSize, String federation, Long epoch, int layers, List<PeerView> peers) {}

    /** One unreachable peer in {@code GET /v1/peers/unreachable}. */
    record Unreachable(String node, String since, int failures) {}

    /** {@code GET /v1/peers/unreachable}. */
    record PeersView(long logSize, int peers, int checked, int reachable, List<Unreachable> unreachable) {}

    private final Supplier<NodeHealth> health;
    private final Supplier<RoutingTable> table;
    private final PeerMonitor monitor;
    private final Supplier<String> metrics;

    ControlRoutes(Supplier<NodeHealth> health, Supplier<RoutingTable> table, PeerMonitor monitor, Supplier<String> metrics) {
        this.health = health;
        this.table = table;
        this.monitor = monitor;
        this.metrics = metrics;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            NodeHealth h = health.get();
            HttpService.json(ctx, h.healthy() ? 200 : 503, h);
        });
        routes.get("/v1/routing", ctx -> HttpService.json(ctx, 200, routing()));
        routes.get("/v1/peers/unreachable", ctx -> HttpService.json(ctx, 200, peers()));
    }

    @Override
    public String metrics() {
        return metrics.get();
    }

    RoutingView routing() {
        RoutingTable t = table.get();
        Map<String, PeerMonitor.Reachability> seen = monitor.snapshot();
        List<PeerView> peers = t.peers().values().stream().map(p -> view(p, seen.get(p.id()))).toList();
        return new RoutingView(t.logSize(), t.federation(), t.epoch().isPresent() ? t.epoch().getAsLong() : null, t.layers(), peers);
    }

    private static PeerView view(Peer p, PeerMonitor.Reachability r) {
        return new PeerView(p.id(), p.key().encode(), p.role().wire(), p.layer() == Peer.NO_LAYER ? null : p.layer(),
                p.address().toString(), p.control().toString(), p.region(), p.admittedIndex(),
                r == null ? "unknown" : r.state().name().toLowerCase(java.util.Locale.ROOT), r == null ? null : r.since().toString());
    }

    PeersView peers() {
        PeerMonitor.Report r = monitor.report();
        return new PeersView(r.logSize(), r.peers(), r.checked(), r.reachable(),
                r.unreachable().stream().map(u -> new Unreachable(u.peer(), u.since().toString(), u.failures())).toList());
    }
}
