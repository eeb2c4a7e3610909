package dev.virex.core.note;

/** Signature type identifier bytes assigned by C2SP signed-note ("Signature types"). */
public final class SignatureType {
    /** Ed25519 over the note text (RFC 8032). */
    public static final int ED25519 = 0x01;
    /** Timestamped Ed25519 checkpoint cosignature, C2SP tlog-cosignature (cosignature/v1). */
    public static final int COSIGNATURE_V1 = 0x04;

    private SignatureType() {}
}
