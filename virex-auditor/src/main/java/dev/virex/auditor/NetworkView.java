package dev.virex.auditor;

import dev.virex.auditor.text.Fields;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.ParamChange;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network as the fold of the verified log shows it, for the dashboard's map and parameter
 * panel: admitted nodes (the newest {@link #MAX_NODES} listed, all counted by role and region), the
 * latest removals, the parameters in force (genesis defaults for keys never decided) and the
 * changes scheduled for later.
 *
 * @param logSize entries folded
 * @param nodeCount every admitted node
 * @param counts admitted nodes by role, then by region
 */
public record NetworkView(long logSize, int nodeCount, Map<String, Map<String, Integer>> counts, List<NodeView> nodes,
                          int removedCount, List<RemovedView> removed, Map<String, String> paramsInForce,
                          List<AuditState.ParamView> pending) {
    public static final int MAX_NODES = 1000;
    public static final int MAX_REMOVED = 50;

    /** An admitted node as shown: what it declared at its join, and its admission. */
    public record NodeView(String id, String role, String region, String address, long bandwidthMbps, String software,
                           String operator, long admittedIndex, String admitted) {}

    /** A removed node and when the removal was decided. */
    public record RemovedView(String id, String removed) {}

    /** The view of {@code d} at {@code now} (which parameters are in force depends on it). */
    public static NetworkView of(Directory d, Instant now) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (AdmittedNode n : d.nodes().values()) {
            counts.computeIfAbsent(n.info().role().wire(), r -> new TreeMap<>()).merge(n.info().region(), 1, Integer::sum);
        }
        List<NodeView> nodes = d.nodes().values().stream()
                .sorted(Comparator.comparingLong(AdmittedNode::admittedIndex).reversed())
                .limit(MAX_NODES)
                .map(NetworkView::node)
                .toList();
        List<RemovedView> removed = d.removed().entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REMOVED)
                .map(e -> new RemovedView(e.getKey(), Fields.format(e.getValue())))
                .toList();
        TreeMap<String, String> inForce = new TreeMap<>(NetworkParams.DEFAULTS);
        inForce.putAll(d.paramsAt(now));
        List<AuditState.ParamView> pending = d.pendingAt(now).stream().map(NetworkView::param).toList();
        return new NetworkView(d.logSize(), d.nodes().size(), counts, nodes, d.removed().size(), removed, inForce, pending);
    }

    private static NodeView node(AdmittedNode n) {
        var i = n.info();
        return new NodeView(i.id(), i.role().wire(), i.region(), i.address().toString(), i.bandwidthMbps(), i.software(),
                i.operator().name(), n.admittedIndex(), Fields.format(n.admittedAt()));
    }

    private static AuditState.ParamView param(ParamChange c) {
        return new AuditState.ParamView(-1, Fields.format(c.activation()), c.key(), c.value());
    }
}
