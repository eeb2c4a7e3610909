package dev.virex.auditor.check;

import dev.virex.auditor.config.Rules;
import dev.virex.auditor.config.Window;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRemoved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Suspicious-onboarding detection over applied decisions (the Join Flow seed: "Auditors monitor
 * for suspicious or malicious onboarding patterns"): join bursts per operator, subnet and region,
 * approval bursts by one set of members, implausible declared bandwidth or software, and re-joins
 * of removed node keys or operators. Each finding names its evidence by entry index; all are
 * warnings, for people to judge.
 */
final class OnboardingRules {
    private record Admission(long index, Bytes operator) {}

    private final Rules rules;
    private final Optional<SlidingWindow> byOperator;
    private final Optional<SlidingWindow> bySubnet;
    private final Optional<SlidingWindow> byRegion;
    private final Optional<SlidingWindow> byApprovers;
    private final Map<String, Admission> admitted = new HashMap<>();
    private final Map<Bytes, Long> removedNodes = new HashMap<>();
    private final Map<Bytes, Long> removedOperators = new HashMap<>();

    OnboardingRules(Rules rules) {
        this.rules = rules;
        this.byOperator = rules.operatorJoins().map(SlidingWindow::new);
        this.bySubnet = rules.subnetJoins().map(SlidingWindow::new);
        this.byRegion = rules.regionJoins().map(SlidingWindow::new);
        this.byApprovers = rules.approverBurst().map(SlidingWindow::new);
    }

    void check(long index, Decision d, List<String> signers, Consumer<Finding> out) {
        switch (d) {
            case JoinApproved ja -> join(index, ja, signers, out);
            case NodeRemoved nr -> {
                removedNodes.put(nr.node().publicKey(), index);
                Admission a = admitted.remove(nr.nodeId());
                if (a != null) {
                    removedOperators.put(a.operator(), index);
                }
            }
            default -> { }
        }
    }

    private void join(long index, JoinApproved ja, List<String> signers, Consumer<Finding> out) {
        NodeInfo n = ja.node();
        burst(byOperator, "join-burst-operator", "operator " + n.operator().name(), n.operator().encode(), ja, index, out);
        burst(bySubnet, "join-burst-subnet", "subnet " + n.address().subnet(), n.address().subnet(), ja, index, out);
        burst(byRegion, "join-burst-region", "region " + n.region(), n.region(), ja, index, out);
        if (!signers.isEmpty()) {
            String set = String.join(",", signers.stream().sorted().toList());
            burst(byApprovers, "approval-burst", "members " + set, set, ja, index, out);
        }
        if (n.bandwidthMbps() < rules.bandwidthMin() || n.bandwidthMbps() > rules.bandwidthMax()) {
            out.accept(warning("implausible-bandwidth", "node " + n.id() + " declares " + n.bandwidthMbps() + " Mbit/s, outside "
                    + rules.bandwidthMin() + " to " + rules.bandwidthMax(), List.of(index)));
        }
        rules.softwareMin().filter(min -> Versions.compare(n.software(), min) < 0).ifPresent(min ->
                out.accept(warning("implausible-software", "node " + n.id() + " declares software " + n.software()
                        + ", older than " + min, List.of(index))));
        if (rules.rejoin()) {
            Long removal = removedNodes.get(n.node().publicKey());
            if (removal != null) {
                out.accept(warning("rejoin-removed-node", "node key of " + n.id() + " was removed at entry " + removal
                        + " and is admitted again", List.of(removal, index)));
            }
            Long opRemoval = removedOperators.get(n.operator().publicKey());
            if (opRemoval != null) {
                out.accept(warning("rejoin-removed-operator", "operator " + n.operator().name() + " of " + n.id()
                        + " had a node removed at entry " + opRemoval, List.of(opRemoval, index)));
            }
        }
        admitted.put(n.id(), new Admission(index, n.operator().publicKey()));
    }

    private static void burst(Optional<SlidingWindow> w, String code, String what, String key, JoinApproved ja, long index,
                              Consumer<Finding> out) {
        if (w.isEmpty()) {
            return;
        }
        w.get().add(key, ja.time(), index).ifPresent(idx -> {
            Window win = w.get().window();
            out.accept(warning(code, idx.size() + " approvals for " + what + " within " + human(win.within())
                    + " (rule: at most " + win.count() + ")", idx));
        });
    }

    static Finding warning(String code, String subject, List<Long> entries) {
        return Finding.of(code, Finding.Severity.WARNING, subject, new ArrayList<>(entries), List.of());
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
