package dev.virex.cli.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code virex node ...}: node operators' commands. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Node operators: ask the federation to admit a mixnode, mailbox or ODS server (join),",
            "and run the node, which follows the federation's log (serve)."
        },
        subcommands = {NodeJoinCommand.class, NodeServeCommand.class})
public final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (join or serve)");
    }
}
