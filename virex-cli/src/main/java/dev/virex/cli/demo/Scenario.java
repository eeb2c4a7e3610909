package dev.virex.cli.demo;

import java.nio.file.Path;

/**
 * The demo's story in order: the network comes up (federation, log and witnesses, genesis,
 * auditor, nodes joining, clients sending), network.json is written, then the scenario proper
 * (Sybil burst, removal, difficulty change, flood) unless {@code --scenario none}, and the
 * auditor's verdict.
 */
final class Scenario {
    private final DemoNetwork net;
    private final DemoOptions options;
    private final Narrator n;

    Scenario(DemoNetwork net, DemoOptions options, Narrator n) {
        this.net = net;
        this.options = options;
        this.n = n;
    }

    void run() throws Exception {
        new Startup(net, options, n).run();
        new Admission(net, options, n).run();
        TrafficStep.run(net, options, n);
        Path file = NetworkFile.write(net);
        n.blank();
        n.text("The network is up. " + file + " says where everything is and which keys verify it.");
        n.text("Dashboard: " + NetworkFile.dashboard(net));
        if (options.scenario()) {
            SybilStep.run(net, n);
            RemovalStep.run(net, n);
            NetworkFile.write(net);
            DifficultyStep.run(net, n);
            FloodStep.run(net, options, n);
        }
        Summary.auditorVerdict(net, n);
        Summary.timings(n);
    }
}
