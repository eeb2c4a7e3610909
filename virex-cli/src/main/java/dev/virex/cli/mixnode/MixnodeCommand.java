package dev.virex.cli.mixnode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "mixnode",
        mixinStandardHelpOptions = true,
        description = "Run a mixnode's ingress (PoW gate, rate limits, backoff) and read its enforcement reports.",
        subcommands = {ServeCommand.class, ReportCommand.class, ParamsCommand.class})
public final class MixnodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (serve, report or params)");
    }
}
