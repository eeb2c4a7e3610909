package dev.virex.cli.federation;

import dev.virex.core.decision.NetworkParams;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.node.agent.NodeSoftware;
import java.util.Map;

/**
 * The settings of {@code virex federation init --demo}, shared with {@code virex demo}: a review
 * policy with a short probation (2 probes 2 s apart), no Sybil caps of the member's own and
 * monitoring every 10 s; genesis parameters with a small join effort, 5-minute epochs and
 * 10-minute expiry. Every check still runs; only the waits are short enough for one machine.
 */
public final class DemoSettings {
    private DemoSettings() {}

    public static ReviewPolicy policy() {
        return ReviewPolicy.defaults().withProbation(new ReviewPolicy.Probation(2, 2, 2, 2000))
                .withLimits(0, 0, 0, 0).withMonitoring(new ReviewPolicy.Monitoring(true, 10, 60));
    }

    public static Map<String, String> genesis() {
        return Map.of("join.effort", "4096", "epoch.length-seconds", "300", "join.expiry-seconds", "600",
                NetworkParams.SOFTWARE_APPROVED, approvedSoftware());
    }

    /** The default approved versions, and this build's (a development build's nodes report a -SNAPSHOT version). */
    public static String approvedSoftware() {
        String defaults = NetworkParams.DEFAULTS.get(NetworkParams.SOFTWARE_APPROVED);
        return defaults.equals(NodeSoftware.VERSION) ? defaults : defaults + "," + NodeSoftware.VERSION;
    }
}
