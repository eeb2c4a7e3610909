package dev.virex.cli.federation;

import dev.virex.cli.UserError;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "propose", mixinStandardHelpOptions = true,
        description = {"Propose a node's removal or a parameter change to every member.",
            "The proposer votes yes; the others vote by their policy; M yes-votes",
            "sign and log it."})
public final class ProposeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "This member's member.json.")
    Path config;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (remove or params)");
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Propose to remove an admitted node.")
    int remove(@Parameters(paramLabel = "NODE", description = "The node ID (its key name) or vkey.") String node,
               @Option(names = "--reason", required = true, paramLabel = "CODE[:TEXT]", description = "Why (repeatable).") List<String> reasons,
               @Option(names = "--evidence", paramLabel = "REF", description = "A reference: probe report hash, log index, URL (repeatable).")
               List<String> evidence) {
        return propose(new AdminMessages.Propose("remove", node, reasons.stream().map(ReviewCommand::reason).toList(),
                evidence == null ? List.of() : evidence, null, null));
    }

    @Command(name = "params", mixinStandardHelpOptions = true,
            description = {"Propose parameter values, e.g. --set abuse.effort-floor=64.",
            "Keys: abuse.* (PoW and rate limits), software.approved,",
            "node.min-bandwidth-mbps, operator.max-nodes, join.effort,",
            "join.expiry-seconds, epoch.length-seconds."})
    int params(@Option(names = "--set", required = true, paramLabel = "KEY=VALUE", description = "A value (repeatable).") List<String> set,
               @Option(names = "--activation", paramLabel = "TIME", description = "When it takes effect, e.g. 2026-05-01T12:00:00Z (default: now).")
               String activation) {
        Map<String, String> values = new TreeMap<>();
        for (String kv : set) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set takes KEY=VALUE, not '" + kv + "'");
            }
            values.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (activation != null) {
            try {
                Instant.parse(activation);
            } catch (DateTimeParseException e) {
                throw new UserError("--activation must be a UTC time like 2026-05-01T12:00:00Z");
            }
        }
        return propose(new AdminMessages.Propose("params", null, null, null, activation, values));
    }

    private int propose(AdminMessages.Propose p) {
        MemberFiles files = MemberFiles.load(config);
        try {
            String id = files.admin().propose(p);
            spec.commandLine().getOut().println("proposed " + id);
            return 0;
        } catch (FederationException e) {
            throw MemberFiles.error(e, files.url());
        }
    }
}
