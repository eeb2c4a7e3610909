package dev.virex.cli.demo;

import dev.virex.core.decision.AdmittedNode;
import java.util.List;

/** What to try against the running network: real commands with this run's URLs, keys and files. */
final class Hints {
    private Hints() {}

    static void print(DemoNetwork net, Narrator n) {
        String log = net.log.url().toString();
        n.text("Try, while it runs (from the repository root):");
        n.text("  bin/virex log check --url " + log + "/ --vkey '" + net.log.key().encode() + "'");
        n.text("  bin/virex audit --log " + log + "/ --federation-vkey '" + net.federation.group().encode() + "' --log-vkey '"
                + net.log.key().encode() + "' --witness-policy " + net.policyFile + " --check-mixnodes");
        n.text("  bin/virex federation status --config " + net.federation.members().get(0).config());
        List<AdmittedNode> mix = Clients.mixnodesOf(net.watch);
        if (!mix.isEmpty()) {
            n.text("  bin/virex client send --mixnode " + DifficultyStep.control(mix.get(0)) + " 'hello'");
        }
        n.text("  curl " + net.auditor.url().resolve("/notices"));
        n.text("  open " + NetworkFile.dashboard(net));
    }
}
