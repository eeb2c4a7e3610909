package dev.virex.cli.demo;

import dev.virex.cli.NetArgs;
import dev.virex.cli.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code virex demo}: a whole VIREX network on loopback in this one process (a federation after a
 * real DKG, a log with witnesses, an auditor, node agents that join through the real join flow,
 * clients sending with PoW), then a narrated scenario whose every step checks what it claims.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a whole VIREX network on loopback and narrate a scenario.",
            "Starts a federation (DKG over HTTP), a log with 3 witnesses, an auditor, node",
            "agents that join through the real join flow and clients sending with PoW;",
            "then: a Sybil burst rejected, a malicious node removed, a PoW difficulty",
            "change, a flood met with backoff. Every step checks what it claims; a failed",
            "check ends the demo with exit code 1. Writes DIR/network.json once the",
            "network is up; role logs go to DIR/virex-demo.log. Without",
            "--exit-after-scenario the network keeps running until Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--members", paramLabel = "N", defaultValue = "5", description = "Federation members (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--threshold", paramLabel = "M", defaultValue = "3", description = "Members needed for a decision (default ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--nodes", paramLabel = "K", defaultValue = "8",
            description = "Node agents: K - 2 mixnodes, a mailbox and an ODS server (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--clients", paramLabel = "C", defaultValue = "4", description = "Honest clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to keep keys, configuration, data and logs (default: a new temporary directory).")
    Path dir;

    @Option(names = "--scenario", paramLabel = "full|none", defaultValue = "full",
            description = "'none' just runs the network (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--exit-after-scenario", description = "Stop the network and exit once the scenario is done.")
    boolean exitAfterScenario;

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Keep the network running this long after the scenario, then stop (default: until Ctrl-C).")
    Duration runFor;

    @Override
    public Integer call() throws Exception {
        if (!scenario.equals("full") && !scenario.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--scenario must be 'full' or 'none'");
        }
        DemoOptions o = new DemoOptions(members, threshold, nodes, clients, Optional.ofNullable(dir), scenario.equals("full"),
                exitAfterScenario, Optional.ofNullable(runFor));
        o.problem().ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        PrintWriter out = spec.commandLine().getOut();
        Path where = DemoDir.prepare(dir);
        Narrator n = new Narrator(out);
        DemoLog logs = DemoLog.toFile(where);
        DemoNetwork net = new DemoNetwork(where);
        Stopper stopper = Stopper.install(net);
        try {
            n.text("VIREX demo: a whole network on loopback, in this one process. Every step below is checked, not just printed.");
            n.text("Files (keys, configuration, data): " + where);
            n.text("Role logs: " + logs.file());
            new Scenario(net, o, n).run();
            if (exitAfterScenario) {
                n.blank();
                n.text("Demo complete: every step was checked. Stopping the network.");
                return 0;
            }
            n.blank();
            Hints.print(net, n);
            n.text(o.runFor().map(d -> "The network stops by itself in " + NetArgs.human(d) + " (or press Ctrl-C).")
                    .orElse("The network keeps running for you to inspect. Press Ctrl-C to stop it."));
            stopper.await(o.runFor());
            n.text("Stopping the network.");
            return 0;
        } catch (UserError | ParameterException e) {
            throw e;
        } catch (Exception e) {
            if (stopper.interrupted()) {
                return 130;
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            logs.recentProblems().forEach(l -> err.println("virex: log: " + l));
            String why = e instanceof DemoFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new UserError("demo failed at step " + n.currentStep() + " (" + n.currentTitle() + "): " + why
                    + " (role logs: " + logs.file() + ")", e);
        } finally {
            stopper.uninstall();
            net.close();
            logs.close();
        }
    }
}
