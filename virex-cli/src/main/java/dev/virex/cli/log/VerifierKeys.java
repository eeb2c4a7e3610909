package dev.virex.cli.log;

import dev.virex.cli.UserError;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;

/** Parses Ed25519 verifier keys given on the command line, with one-line errors. */
public final class VerifierKeys {
    private VerifierKeys() {}

    public static NoteVerifier ed25519(String option, String vkey) {
        try {
            VerifierKey k = VerifierKey.parse(vkey.strip());
            if (k.type() != SignatureType.ED25519) {
                throw new UserError("invalid " + option + " '" + vkey + "': not an Ed25519 note key (type 0x01)");
            }
            return k.noteVerifier();
        } catch (NoteException e) {
            throw new UserError("invalid " + option + " '" + vkey + "': " + e.getMessage());
        }
    }
}
