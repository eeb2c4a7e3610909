package dev.virex.cli;

import dev.virex.core.note.KeyIds;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "note",
        mixinStandardHelpOptions = true,
        description = "Sign and verify C2SP signed notes.",
        subcommands = {NoteCommand.Sign.class, NoteCommand.Verify.class})
final class NoteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (sign or verify)");
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign a text (a final newline is added if missing) and print the signed note.")
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key file.")
        Path key;

        @Parameters(paramLabel = "TEXT_FILE", defaultValue = "-", description = "Text to sign; '-' (default) reads stdin.")
        Path input;

        @Override
        public Integer call() {
            var signer = KeyFiles.read(key);
            String text = new String(Inputs.readFile(input, Note.DEFAULT_MAX_BYTES - 4096, "text"), StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                text += "\n";
            }
            try {
                byte[] note = Note.sign(text, signer.noteSigner()).encode();
                spec.commandLine().getOut().print(new String(note, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            } catch (IllegalArgumentException e) {
                throw new UserError("cannot sign: " + e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a signed note against trusted verifier keys; print its text on success.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--vkey", required = true, paramLabel = "VKEY", description = "A trusted verifier key (repeatable).")
        List<String> vkeys;

        @Parameters(paramLabel = "NOTE_FILE", defaultValue = "-", description = "Signed note; '-' (default) reads stdin.")
        Path input;

        @Override
        public Integer call() {
            List<VerifierKey> keys = new ArrayList<>();
            for (String v : vkeys) {
                try {
                    keys.add(VerifierKey.parse(v.strip()));
                } catch (NoteException e) {
                    throw new UserError("invalid --vkey '" + v + "': " + e.getMessage());
                }
            }
            byte[] msg = Inputs.readFile(input, Note.DEFAULT_MAX_BYTES, "note");
            try {
                VerifiedNote note = Note.open(msg, Verifiers.ofKeys(keys));
                spec.commandLine().getOut().print(note.text());
                spec.commandLine().getOut().flush();
                for (NoteSignature s : note.verified()) {
                    spec.commandLine().getErr().println("virex: verified signature by " + s.name() + "+" + KeyIds.hex(s.keyId()));
                }
                return 0;
            } catch (NoteException e) {
                throw new UserError("note rejected: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
    }
}
