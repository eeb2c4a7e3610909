package dev.virex.core.note;

import dev.virex.core.Bytes;

/** One signature line of a note: key name, key ID, and the signature bytes after the key ID. */
public record NoteSignature(String name, int keyId, Bytes signature) {
    public NoteSignature {
        if (!KeyNames.isValid(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        if (signature.length() == 0) {
            throw new IllegalArgumentException("empty signature");
        }
    }

    /** The signature line without its trailing newline: {@code — <name> <base64(id || sig)>}. */
    public String line() {
        byte[] raw = new byte[4 + signature.length()];
        raw[0] = (byte) (keyId >>> 24);
        raw[1] = (byte) (keyId >>> 16);
        raw[2] = (byte) (keyId >>> 8);
        raw[3] = (byte) keyId;
        signature.copyTo(raw, 4);
        return Note.SIG_PREFIX + name + " " + dev.virex.core.Base64s.encode(raw);
    }
}
