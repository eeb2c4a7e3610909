package dev.virex.cli;

import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.VerifierKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = "Inspect key files.",
        subcommands = {KeyCommand.Show.class})
final class KeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'virex key show FILE')");
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the verifier key (vkey) of a private key file.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Private key file written by 'virex keygen'.")
        Path file;

        @Option(names = "--cosigner", description = {"Print the key's witness cosigner vkey (C2SP tlog-cosignature,",
            "type 0x04) instead of its note vkey (type 0x01)."})
        boolean cosigner;

        @Override
        public Integer call() {
            VerifierKey vkey = KeyFiles.read(file).verifierKey();
            spec.commandLine().getOut().println((cosigner ? Cosignature.cosignerKey(vkey) : vkey).encode());
            return 0;
        }
    }
}
