package dev.virex.cli.auditor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "auditor",
        mixinStandardHelpOptions = true,
        description = {
            "Run an auditor: it follows the federation's log from genesis, verifies every entry and",
            "checkpoint, watches onboarding, checks the mixnodes' enforcement, gossips checkpoints",
            "to catch split views, and publishes signed notices of what it checked and found."
        },
        subcommands = {AuditorServeCommand.class})
public final class AuditorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (serve)");
    }
}
