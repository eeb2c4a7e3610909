package dev.virex.cli.federation;

import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.monitor.NodeHealth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show this member's view of the federation and its nodes.",
            "The log, the directory (nodes, epoch, parameters), open requests and",
            "proposals with their votes, unreachable members, and every admitted",
            "node's uptime from this member's probes."})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "This member's member.json.")
    Path config;

    @Override
    public Integer call() {
        MemberFiles files = MemberFiles.load(config);
        AdminMessages.Status s;
        try {
            s = files.admin().status();
        } catch (FederationException e) {
            throw MemberFiles.error(e, files.url());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("member " + s.member() + " of " + s.federation());
        out.println("log: " + s.logSize() + " entries" + (s.logProblem().isEmpty() ? "" : "; PROBLEM: " + s.logProblem()));
        out.println("directory: " + s.nodes() + " nodes, epoch " + (s.epoch() < 0 ? "none yet" : s.epoch()));
        s.params().forEach((k, v) -> out.println("  param " + k + " " + v));
        out.println("open: " + s.open().size());
        for (AdminMessages.ReviewItem i : s.open()) {
            out.println("  " + i.kind() + " " + i.id() + " [" + i.state() + "] yes " + i.yes() + " no " + i.no() + ": " + i.summary());
        }
        s.unreachable().forEach((m, why) -> out.println("unreachable: " + m + " (" + why + ")"));
        for (NodeHealth h : s.health()) {
            out.println(String.format(Locale.ROOT, "node %s: uptime %.0f%% over %d probes%s%s", h.node(), h.uptime() * 100, h.probes(),
                    h.lastOk() == null ? "" : ", last ok " + h.lastOk(), h.failingSince() == null ? "" : ", FAILING since " + h.failingSince()));
        }
        return 0;
    }
}
