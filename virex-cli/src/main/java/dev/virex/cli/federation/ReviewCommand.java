package dev.virex.cli.federation;

import dev.virex.cli.UserError;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review join requests and proposals by hand: list, approve, reject.",
            "Requests from operators the policy marks as new wait in state",
            "'manual'. A vote is broadcast to every member like an automatic one."})
public final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "This member's member.json.")
    Path config;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (list, approve or reject)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List open requests and proposals with their votes.")
    int list() {
        MemberFiles files = MemberFiles.load(config);
        PrintWriter out = spec.commandLine().getOut();
        try {
            for (AdminMessages.ReviewItem i : files.admin().reviewList()) {
                out.println(i.id() + " " + i.kind() + " [" + i.state() + "] yes " + i.yes().size() + " no " + i.no().size() + ": " + i.summary()
                        + (i.note().isEmpty() ? "" : " (" + i.note() + ")"));
            }
        } catch (FederationException e) {
            throw MemberFiles.error(e, files.url());
        }
        return 0;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Vote yes on a request or proposal.")
    int approve(@Parameters(paramLabel = "ID", description = "The request or proposal ID (64 hex).") String id) {
        return vote(id, true, List.of());
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Vote no on a request or proposal, with a reason.")
    int reject(@Parameters(paramLabel = "ID", description = "The request or proposal ID (64 hex).") String id,
               @Option(names = "--reason", required = true, paramLabel = "CODE[:TEXT]",
                       description = "Why, e.g. operator-unknown:no references (repeatable).") List<String> reasons) {
        return vote(id, false, reasons.stream().map(ReviewCommand::reason).toList());
    }

    private int vote(String id, boolean yes, List<String> reasons) {
        MemberFiles files = MemberFiles.load(config);
        try {
            files.admin().vote(id, yes, reasons);
        } catch (FederationException e) {
            throw MemberFiles.error(e, files.url());
        }
        spec.commandLine().getOut().println((yes ? "approved " : "rejected ") + id);
        return 0;
    }

    /** {@code CODE[:TEXT]} as a reason line {@code code text}. */
    static String reason(String s) {
        int colon = s.indexOf(':');
        String code = colon < 0 ? s : s.substring(0, colon);
        if (!code.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new UserError("invalid reason code '" + code + "': 1 to 32 of [a-z0-9-], e.g. probe-failed:no answer");
        }
        return colon < 0 ? code : code + " " + s.substring(colon + 1).strip();
    }
}
