package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import dev.virex.core.pow.EnforcementReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The closing step: the auditor's verdict over everything that happened (entries verified, the
 * flooded mixnode's signed figures checked against the decided floor, no violation, the audit not
 * halted), and the time each step took.
 */
final class Summary {
    static final Duration WAIT = Duration.ofSeconds(30);

    private Summary() {}

    static void auditorVerdict(DemoNetwork net, Narrator n) throws Exception {
        n.step("The auditor's verdict", "Abuse Prevention 3 step 6, \"Auditors verify enforcement by analyzing logs and message "
                + "acceptance statistics\"; Join Flow 6, \"Auditors monitor for suspicious or malicious onboarding patterns\".");
        long size = net.watch.size();
        Startup.awaitCheckpointNotice(net, size);
        if (net.flooded != null) {
            EnforcementReport r = FloodReport.check(net, net.flooded);
            String name = Describe.shortName(net.flooded.mixnode());
            n.say(name + "'s signed enforcement report of the flood (interval " + r.interval() + ", " + r.start() + " to " + r.end()
                    + "), verified under its key and against the log as the auditor does: " + r.accepted() + " accepted, "
                    + r.rejectedTotal() + " rejected, effort floor " + r.effortFloor() + " as decided. Published figures are coarsened "
                    + "(small counts get noise and are rounded to multiples of 16) so that they say nothing about any one client.");
            awaitChecked(net, net.flooded.mixnode(), r.end());
        }
        JsonNode state = net.web.json(net.auditor.url().resolve("/state"));
        DemoFailure.check(state.path("halted").isNull() || state.path("halted").isMissingNode(),
                "the auditor halted: " + state.path("halted").asText());
        List<String> findings = new ArrayList<>();
        for (JsonNode f : state.path("findings")) {
            findings.add(f.path("severity").asText() + " " + f.path("code").asText() + ": " + f.path("subject").asText());
        }
        long violations = state.path("violations").asLong();
        n.say("verified " + state.path("verifiedEntries").asLong() + " entries (this demo's reader: " + size + "), "
                + state.path("checkpoints").size() + " recent checkpoints with their witness cosignatures, "
                + state.path("mixnodes").size() + " mixnodes' signed enforcement reports");
        findings.stream().limit(8).forEach(f -> n.say("finding: " + f));
        DemoFailure.check(violations == 0, "the auditor found " + violations + " violations: " + findings);
        long warnings = state.path("warnings").asLong();
        n.done("no violation; " + warnings + (warnings == 1 ? " warning" : " warnings") + " for people to judge");
    }

    /** Waits until the auditor has checked a report of {@code mixnode} ending at {@code end} or later. */
    private static void awaitChecked(DemoNetwork net, String mixnode, Instant end) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (JsonNode m : net.web.json(net.auditor.url().resolve("/state")).path("mixnodes")) {
                if (m.path("node").asText().equals(mixnode) && m.hasNonNull("end") && !Instant.parse(m.path("end").asText()).isBefore(end)) {
                    return;
                }
            }
            DemoFailure.check(System.nanoTime() < deadline, "the auditor did not check " + mixnode + "'s reports of the flood within "
                    + WAIT.toSeconds() + " s");
            Thread.sleep(200);
        }
    }

    static void timings(Narrator n) {
        n.blank();
        n.text("Time per step:");
        for (Narrator.Timing t : n.timings()) {
            String title = t.title().length() > 78 ? t.title().substring(0, 75) + "..." : t.title();
            n.text(String.format(Locale.ROOT, "  [%2d] %5.1f s  %s", t.step(), t.seconds(), title));
        }
        n.text(String.format(Locale.ROOT, "  total %.1f s", n.elapsed()));
    }
}
