package dev.virex.cli.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = "Send messages to a mixnode as a VIREX client: solve its PoW, obey its backoff, send cover traffic.",
        subcommands = {SendCommand.class, CoverCommand.class})
public final class ClientCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (send or cover)");
    }
}
