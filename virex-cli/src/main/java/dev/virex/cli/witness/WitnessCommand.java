package dev.virex.cli.witness;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "witness",
        mixinStandardHelpOptions = true,
        description = {
            "Run a transparency-log witness (C2SP tlog-witness): it cosigns a log's checkpoints",
            "only if each is consistent with the last one it cosigned, so no log can show two",
            "histories to readers who require witness cosignatures."
        },
        subcommands = {WitnessServeCommand.class})
public final class WitnessCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (serve)");
    }
}
