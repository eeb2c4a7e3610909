package dev.virex.core.note;

/** Signs note texts with one key, named in notes by (key name, key ID). */
public interface NoteSigner {
    String name();

    int keyId();

    /** The signature of {@code text}, without the 4-byte key ID. */
    byte[] sign(byte[] text);
}
