package dev.virex.cli.log;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {
            "Run or verify a transparency log (RFC 9162 Merkle tree served as C2SP tlog-tiles).",
            "Federation decisions are appended to it; nodes and auditors follow it."
        },
        subcommands = {LogServeCommand.class, LogCheckCommand.class})
public final class LogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (serve or check)");
    }
}
