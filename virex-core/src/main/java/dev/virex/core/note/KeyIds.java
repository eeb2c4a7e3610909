package dev.virex.core.note;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Key IDs per C2SP signed-note: the first four bytes, big-endian, of
 * SHA-256(key name || 0x0A || signature type || public key).
 */
public final class KeyIds {
    private KeyIds() {}

    public static int compute(String name, int type, Bytes publicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update((byte) type);
        sha.update(publicKey.toArray());
        byte[] h = sha.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    /** The fixed-length lowercase hex form used in vkeys. */
    public static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
