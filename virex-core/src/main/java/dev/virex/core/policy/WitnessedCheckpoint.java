package dev.virex.core.policy;

import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A checkpoint checked against a trust policy: signed by a log the policy accepts (C2SP
 * tlog-checkpoint), with each known witness's cosignature verified (C2SP tlog-cosignature) and the
 * quorum evaluated (C2SP tlog-policy). A bad cosignature counts as missing, not as fatal, so one
 * faulty witness cannot make a well-witnessed checkpoint unusable; it is reported in {@code failed}.
 */
public record WitnessedCheckpoint(SignedCheckpoint checkpoint, Set<String> cosigners, List<String> failed, boolean quorumMet) {
    public WitnessedCheckpoint {
        cosigners = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(cosigners));
        failed = List.copyOf(failed);
    }

    public static WitnessedCheckpoint open(byte[] note, TlogPolicy policy) throws NoteException, CheckpointFormatException {
        Note parsed = Note.parse(note, SignedCheckpoint.MAX_BYTES);
        String origin = Checkpoint.parse(parsed.text()).origin();
        TlogPolicy.Log log = policy.log(origin).orElseThrow(() ->
                new CheckpointFormatException("checkpoint origin '" + origin + "' is not a log of the policy"));
        return open(note, origin, log.key().noteVerifier(), policy);
    }

    /**
     * Opens a checkpoint of a log known from elsewhere (its origin and key), counting the
     * cosignatures of the policy's witnesses; the policy's own log lines are not consulted.
     */
    public static WitnessedCheckpoint open(byte[] note, String origin, dev.virex.core.note.NoteVerifier logKey, TlogPolicy policy)
            throws NoteException, CheckpointFormatException {
        SignedCheckpoint cp = SignedCheckpoint.open(note, origin, logKey);
        byte[] text = cp.note().text().getBytes(StandardCharsets.UTF_8);
        Set<String> ok = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        for (TlogPolicy.Witness w : policy.witnesses().values()) {
            for (NoteSignature s : cp.note().unverified()) {
                if (s.name().equals(w.key().name()) && s.keyId() == w.key().keyId() && !ok.contains(w.name())) {
                    if (Cosignature.verifier(w.key()).verify(text, 0, text.length, s.signature().toArray())) {
                        ok.add(w.name());
                    } else {
                        failed.add(w.name());
                    }
                }
            }
        }
        return new WitnessedCheckpoint(cp, ok, failed, policy.satisfiedBy(ok));
    }

    /** A one-line account: which witnesses cosigned and whether the quorum is met. */
    public String describe() {
        return "checkpoint " + checkpoint.checkpoint().origin() + " size " + checkpoint.checkpoint().size()
                + ": cosigned by " + (cosigners.isEmpty() ? "no witness" : String.join(", ", cosigners))
                + (failed.isEmpty() ? "" : "; bad cosignatures from " + String.join(", ", failed))
                + (quorumMet ? "; quorum met" : "; quorum NOT met");
    }
}
