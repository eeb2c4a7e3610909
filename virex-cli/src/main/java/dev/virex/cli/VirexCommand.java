package dev.virex.cli;

import dev.virex.cli.client.ClientCommand;
import dev.virex.cli.demo.DemoCommand;
import dev.virex.cli.federation.FederationCommand;
import dev.virex.cli.frost.FrostCommand;
import dev.virex.cli.mixnode.MixnodeCommand;
import dev.virex.cli.log.LogCommand;
import dev.virex.cli.node.NodeCommand;
import dev.virex.cli.witness.WitnessCommand;
import dev.virex.cli.auditor.AuditCommand;
import dev.virex.cli.auditor.AuditorCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "virex",
        mixinStandardHelpOptions = true,
        versionProvider = VirexCommand.Version.class,
        description = {
            "VIREX: governance and admission plane of the VIREX privacy network.",
            "Federation decisions are threshold-signed notes in a transparency log;",
            "network state is a fold over that log."
        },
        subcommands = {
            KeygenCommand.class,
            KeyCommand.class,
            NoteCommand.class,
            LogCommand.class,
            DemoCommand.class,
            FrostCommand.class,
            MixnodeCommand.class,
            ClientCommand.class,
            FederationCommand.class,
            NodeCommand.class,
            WitnessCommand.class,
            AuditorCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error."})
public final class VirexCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces and debug logs.")
    void setVerbose(boolean verbose) {
        Errors.setVerbose(verbose);
        if (verbose) {
            Logging.debug();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = VirexCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {
                "virex " + p.getProperty("version", "unknown"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
            };
        }
    }
}
