package dev.virex.core.checkpoint;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint whose log signature verified: a signed note (C2SP signed-note) whose text is a
 * checkpoint (C2SP tlog-checkpoint) for the expected origin. {@code raw} is the note exactly as
 * received, so that it can be passed on (to witnesses, to clients) byte for byte.
 */
public record SignedCheckpoint(Checkpoint checkpoint, VerifiedNote note, Bytes raw) {
    /** Cap on a signed checkpoint: the text plus room for the log and many cosignatures. */
    public static final int MAX_BYTES = Checkpoint.MAX_TEXT_BYTES + Note.MAX_SIGNATURES * 128;

    /**
     * Opens a checkpoint signed by {@code log}, whose origin must be {@code origin}. Other
     * signatures (cosignatures, rotated keys) are kept in {@code note().unverified()}.
     */
    public static SignedCheckpoint open(byte[] msg, String origin, NoteVerifier log)
            throws NoteException, CheckpointFormatException {
        VerifiedNote note = Note.open(msg, Verifiers.of(log), MAX_BYTES);
        Checkpoint cp = Checkpoint.parse(note.text());
        if (!cp.origin().equals(origin)) {
            throw new CheckpointFormatException("checkpoint origin is '" + cp.origin() + "', expected '" + origin + "'");
        }
        return new SignedCheckpoint(cp, note, Bytes.of(msg));
    }

    /** Opens a checkpoint whose origin is the log key's name, the VIREX (and C2SP) convention. */
    public static SignedCheckpoint open(byte[] msg, NoteVerifier log) throws NoteException, CheckpointFormatException {
        return open(msg, log.name(), log);
    }

    /** Signs a checkpoint with the log key and any further signers (e.g. cosigners). */
    public static byte[] sign(Checkpoint checkpoint, NoteSigner log, NoteSigner... more) {
        List<NoteSigner> all = new ArrayList<>();
        all.add(log);
        all.addAll(List.of(more));
        return Note.sign(checkpoint.text(), all).encode();
    }
}
