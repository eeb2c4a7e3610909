package dev.virex.core.note;

/** Verifies Ed25519 note signatures (C2SP signed-note, type 0x01). */
record Ed25519NoteVerifier(String name, int keyId, Ed25519.PublicKey key) implements NoteVerifier {
    @Override
    public boolean verify(byte[] text, int off, int len, byte[] sig) {
        return key.verify(text, off, len, sig);
    }
}
