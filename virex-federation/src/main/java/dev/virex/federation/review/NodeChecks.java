package dev.virex.federation.review;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeInfo;
import dev.virex.federation.config.ReviewPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A member's pure checks of a node against the seed's requirements for new nodes (approved
 * software, declared bandwidth and region) and its Sybil limits (nodes per operator, per /24 or /48
 * subnet, share of one region), counting the admitted nodes plus this member's approvals in
 * flight. Each failure is a reason line {@code code text} for a no-vote.
 */
public final class NodeChecks {
    private NodeChecks() {}

    public static List<String> requirements(NodeInfo n, NetworkParams params, ReviewPolicy policy) {
        List<String> out = new ArrayList<>();
        if (!params.approvedSoftware().contains(n.software()) && !policy.approvedSoftware().contains(n.software())) {
            out.add("software-not-approved " + n.software() + " is not an approved version (" + String.join(",", params.approvedSoftware()) + ")");
        }
        long floor = Math.max(params.minBandwidthMbps(), policy.minBandwidthMbps());
        if (n.bandwidthMbps() < floor) {
            out.add("bandwidth-below-floor " + n.bandwidthMbps() + " Mbit/s declared, at least " + floor + " required");
        }
        if (!policy.allowedRegions().isEmpty() && !policy.allowedRegions().contains(n.region())) {
            out.add("region-not-allowed " + n.region());
        }
        return out;
    }

    /**
     * @param inFlight nodes this member voted to approve that are not decided yet (not {@code n})
     */
    public static List<String> sybil(NodeInfo n, Directory d, Collection<NodeInfo> inFlight, NetworkParams params, ReviewPolicy policy) {
        List<NodeInfo> all = new ArrayList<>(d.nodes().values().stream().map(AdmittedNode::info).toList());
        all.addAll(inFlight);
        List<String> out = new ArrayList<>();
        long opCap = policy.maxNodesPerOperator() == 0 ? params.operatorMaxNodes() : Math.min(policy.maxNodesPerOperator(), params.operatorMaxNodes());
        long byOperator = count(all, x -> x.operator().equals(n.operator()));
        if (byOperator + 1 > opCap) {
            out.add("operator-cap operator " + n.operator().name() + " already has " + byOperator + " nodes (cap " + opCap + ")");
        }
        String subnet = n.address().subnet();
        long bySubnet = count(all, x -> x.address().subnet().equals(subnet));
        if (policy.maxNodesPerSubnet() > 0 && bySubnet + 1 > policy.maxNodesPerSubnet()) {
            out.add("subnet-cap " + subnet + " already has " + bySubnet + " nodes (cap " + policy.maxNodesPerSubnet() + ")");
        }
        long total = all.size() + 1;
        long byRegion = count(all, x -> x.region().equals(n.region())) + 1;
        if (policy.maxRegionShare() > 0 && total >= policy.regionShareMinNodes() && byRegion > policy.maxRegionShare() * total) {
            out.add(String.format(Locale.ROOT, "region-share %s would hold %d of %d nodes (cap %.0f%%)", n.region(), byRegion, total,
                    policy.maxRegionShare() * 100));
        }
        return out;
    }

    private static long count(List<NodeInfo> all, Predicate<NodeInfo> p) {
        return all.stream().filter(p).count();
    }
}
