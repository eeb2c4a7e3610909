package dev.virex.cli.demo;

import dev.virex.cli.UserError;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The main job: runs VIREX locally and narrates it. At this stage of the project only the protocol
 * core exists, so the demo exercises that and says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a local VIREX network on loopback and narrate what happens.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("VIREX demo (foundation stage)");
        out.println("Built so far: the protocol core (C2SP signed notes, checkpoints, keys). The federation,");
        out.println("log, witnesses, auditor and mixnodes arrive in later issues; this run exercises the core.");
        out.println();
        SecureRandom random = new SecureRandom();

        SignerKey federation = SignerKey.generate("federation.virex.example", random);
        SignerKey log = SignerKey.generate("log.virex.example", random);
        step(out, 1, "generated keys", "federation vkey " + federation.verifierKey().encode(),
                "log vkey        " + log.verifierKey().encode());

        String text = "virex example decision\nnode mix-1.virex.example admitted\n";
        byte[] signed = Note.sign(text, federation.noteSigner()).encode();
        step(out, 2, "signed a note with the federation key", indent(new String(signed, StandardCharsets.UTF_8)));

        Verifiers trusted = Verifiers.of(federation.verifierKey().noteVerifier());
        VerifiedNote opened = Note.open(signed, trusted);
        step(out, 3, "verified it with the federation vkey", "signatures verified: " + opened.verified().size());

        byte[] forged = new String(signed, StandardCharsets.UTF_8).replace("mix-1", "mix-9").getBytes(StandardCharsets.UTF_8);
        try {
            Note.open(forged, trusted);
            throw new UserError("demo failed: a tampered note verified");
        } catch (NoteException e) {
            step(out, 4, "rejected a tampered copy", "reason: " + e.getMessage());
        }

        byte[] leaf = MessageDigest.getInstance("SHA-256").digest(signed);
        Checkpoint cp = new Checkpoint(log.name(), 1, Bytes.wrap(leaf));
        byte[] cpNote = SignedCheckpoint.sign(cp, log.noteSigner());
        SignedCheckpoint opencp = SignedCheckpoint.open(cpNote, log.verifierKey().noteVerifier());
        step(out, 5, "signed and verified a checkpoint (C2SP tlog-checkpoint)",
                indent(new String(cpNote, StandardCharsets.UTF_8)),
                "origin " + opencp.checkpoint().origin() + ", size " + opencp.checkpoint().size());

        out.println("Demo complete: every step above was checked, not just printed.");
        out.flush();
        return 0;
    }

    private static void step(PrintWriter out, int n, String title, String... details) {
        out.println("[" + n + "] " + title);
        for (String d : details) {
            out.println("    " + d.stripTrailing());
        }
        out.flush();
    }

    private static String indent(String s) {
        return s.stripTrailing().replace("\n", "\n    ");
    }
}
