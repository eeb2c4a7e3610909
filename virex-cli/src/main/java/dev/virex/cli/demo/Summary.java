package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The closing step: the auditor's verdict over everything that happened (entries verified, no
 * violation, the audit not halted), and the time each step took.
 */
final class Summary {
    private Summary() {}

    static void auditorVerdict(DemoNetwork net, Narrator n) throws Exception {
        n.step("The auditor's verdict", "Abuse Prevention 3 step 6, \"Auditors verify enforcement by analyzing logs and message "
                + "acceptance statistics\"; Join Flow 6, \"Auditors monitor for suspicious or malicious onboarding patterns\".");
        long size = net.watch.size();
        Startup.awaitCheckpointNotice(net, size);
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
        n.done("no violation; " + state.path("warnings").asLong() + " warnings for people to judge");
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
