package dev.virex.cli.federation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code virex federation ...}: set up, run and operate federation members. */
@Command(
        name = "federation",
        mixinStandardHelpOptions = true,
        description = {"Federation members: review joins, decide M-of-N, log every decision.",
            "Order: init; dkg on every member; start the log with the group vkey;",
            "serve on every member; then review, propose and status."},
        subcommands = {InitCommand.class, DkgCommand.class, ServeCommand.class, StatusCommand.class, ReviewCommand.class,
            ProposeCommand.class})
public final class FederationCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (init, dkg, serve, status, review or propose)");
    }
}
