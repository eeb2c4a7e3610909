package dev.virex.cli;

import dev.virex.core.note.KeyNames;
import dev.virex.core.note.SignerKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generate an Ed25519 signing key (C2SP signed-note private-key format).",
            "The key (PRIVATE+KEY+<name>+<key id>+<base64>) goes to a new file with mode 0600.",
            "Prints the verifier key (vkey) that others use to check its signatures."
        })
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Key name, e.g. a schema-less URL such as example.org/log (no spaces or '+').")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "New file for the private key; never overwritten.")
    Path out;

    @Override
    public Integer call() {
        if (!KeyNames.isValid(name)) {
            throw new UserError("invalid --name '" + name + "': key names are 1 to " + KeyNames.MAX_NAME_LENGTH
                    + " characters with no spaces or '+'");
        }
        SignerKey key = SignerKey.generate(name, new SecureRandom());
        KeyFiles.writeNew(out, key);
        spec.commandLine().getOut().println(key.verifierKey().encode());
        spec.commandLine().getErr().println("virex: wrote private key to " + out + " (mode 0600); the line above is its verifier key");
        return 0;
    }
}
