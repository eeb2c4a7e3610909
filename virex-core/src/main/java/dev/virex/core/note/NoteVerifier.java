package dev.virex.core.note;

/** Verifies signatures by one key, named in notes by (key name, key ID). */
public interface NoteVerifier {
    String name();

    int keyId();

    /** Whether {@code sig} (without its 4-byte key ID) is a valid signature of {@code text}. */
    boolean verify(byte[] text, int off, int len, byte[] sig);
}
