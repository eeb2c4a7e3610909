package dev.virex.federation.api;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TlogProof;
import java.nio.charset.StandardCharsets;

/**
 * A logged decision and the proof that it is in the log: the entry (base64 of its bytes) and a
 * C2SP tlog-proof of it at {@code index}. {@link #verify} checks it offline with nothing but the
 * log's and the federation's vkeys.
 */
public record Receipt(long index, String entry, String proof) {
    public Receipt {
        if (index < 0 || entry == null || proof == null) {
            throw new IllegalArgumentException("a receipt has an index, an entry and a proof");
        }
    }

    public static Receipt of(long index, Bytes entry, TlogProof proof) {
        return new Receipt(index, entry.toBase64(), new String(proof.encode(), StandardCharsets.UTF_8));
    }

    public Bytes entryBytes() {
        return Bytes.wrap(Base64s.decodeCanonical(entry).orElseThrow(() -> new IllegalArgumentException("entry is not canonical base64")));
    }

    /**
     * Verifies offline: the entry is a signed note under the federation's group key (a standard
     * signed-note check), and the tlog-proof proves it at {@code index} under a checkpoint signed by
     * the log (C2SP tlog-proof; RFC 9162 section 2.1.3.2 for the inclusion proof).
     *
     * @return the verified decision note
     */
    public VerifiedNote verify(NoteVerifier federation, NoteVerifier log)
            throws NoteException, TileFormatException, CheckpointFormatException, ProofException {
        Bytes e = entryBytes();
        // C2SP signed-note: the group signature line verifies under the federation's vkey.
        VerifiedNote note = Note.open(e.toArray(), Verifiers.of(federation));
        TlogProof p = TlogProof.parse(proof.getBytes(StandardCharsets.UTF_8));
        if (p.index() != index) {
            throw new ProofException(ProofException.Reason.MALFORMED, "the proof is for index " + p.index() + ", the receipt says " + index);
        }
        // C2SP tlog-proof steps 2 and 4: the log signed the checkpoint; the inclusion proof of the
        // RFC 9162 leaf hash (section 2.1.1) verifies against its root (section 2.1.3.2).
        SignedCheckpoint cp = p.verify(MerkleHash.leaf(e), log.name(), log);
        if (cp.checkpoint().size() <= index) {
            throw new ProofException(ProofException.Reason.MALFORMED, "checkpoint does not cover the entry");
        }
        return note;
    }
}
