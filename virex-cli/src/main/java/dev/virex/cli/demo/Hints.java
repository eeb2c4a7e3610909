package dev.virex.cli.demo;

import dev.virex.core.decision.AdmittedNode;
import java.util.List;

/** What to try against the running network: real commands with this run's URLs, keys and files. */
final class Hints {
    private Hints() {}

    static void print(DemoNetwork net, Narrator n) {
        String log = net.log.url() + "/";
        String logKey = "'" + net.log.key().encode() + "'";
        n.text("Try, while it runs (from the repository root):");
        n.command("bin/virex", "log", "check", "--url", log, "--vkey", logKey);
        n.command("bin/virex", "audit", "--log", log, "--federation-vkey", "'" + net.federation.group().encode() + "'", "--log-vkey",
                logKey, "--witness-policy", net.policyFile.toString(), "--check-mixnodes");
        n.command("bin/virex", "federation", "status", "--config", net.federation.members().get(0).config().toString());
        List<AdmittedNode> mix = Clients.mixnodesOf(net.watch);
        if (!mix.isEmpty()) {
            n.command("bin/virex", "client", "send", "--mixnode", DifficultyStep.control(mix.get(0)).toString(), "'hello'");
        }
        n.command("curl", net.auditor.url().resolve("/notices").toString());
        n.text("Dashboard: " + NetworkFile.dashboard(net));
    }
}
