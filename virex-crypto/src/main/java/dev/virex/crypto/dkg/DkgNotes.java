package dev.virex.crypto.dkg;

import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DKG messages travel as C2SP signed notes: the message text, signed by the sender's identity key,
 * so that every message is attributable (a complaint can prove what a dealer sent) and any
 * signed-note verifier can check who sent it.
 */
final class DkgNotes {
    /**
     * Room for the blank line and one signature line beyond the text cap: an em dash, a key name
     * of up to 255 characters (up to 1020 bytes of UTF-8), base64 of the key ID and signature.
     */
    static final int SIGNATURE_ROOM = 2048;

    private DkgNotes() {}

    static byte[] sign(byte[] text, NoteSigner identity) {
        return Note.sign(new String(text, StandardCharsets.UTF_8), identity).encode();
    }

    /**
     * Opens a note signed by some member of the DKG; the caller checks that the signer is the
     * member the text claims with {@link #requireSigner}.
     */
    static VerifiedNote open(byte[] note, DkgConfig config, int maxTextBytes, String what) throws FrostException {
        try {
            VerifiedNote vn = Note.open(note, config.verifiers(), maxTextBytes + SIGNATURE_ROOM);
            if (vn.note().signatures().size() != 1) {
                throw FrostException.malformed(what + " must carry exactly one signature, its sender's");
            }
            return vn;
        } catch (NoteException e) {
            FrostException.Kind kind = switch (e.kind()) {
                case MALFORMED -> FrostException.Kind.MALFORMED;
                case TOO_LARGE -> FrostException.Kind.TOO_LARGE;
                case INVALID_SIGNATURE, UNVERIFIED -> FrostException.Kind.INVALID_SIGNATURE;
            };
            throw new FrostException(kind, what + ": " + e.getMessage(), List.of(), e);
        }
    }

    static void requireSigner(VerifiedNote vn, DkgConfig config, Identifier member, String what) throws FrostException {
        VerifierKey k = config.member(member);
        if (!vn.isSignedBy(k.name(), k.keyId())) {
            throw new FrostException(FrostException.Kind.INVALID_SIGNATURE,
                    what + " claims to be from member " + member + " (" + k.name() + ") but is signed by another key");
        }
    }

    static byte[] text(VerifiedNote vn) {
        return vn.text().getBytes(StandardCharsets.UTF_8);
    }
}
