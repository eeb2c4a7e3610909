package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 section 2.1 with SHA-256: the leaf hash {@code HASH(0x00 || d)}, the node
 * hash {@code HASH(0x01 || left || right)} and the root of the empty tree {@code HASH()}.
 */
public final class MerkleHash {
    public static final int BYTES = 32;
    /** MTH({}) = HASH(), RFC 9162 section 2.1.1. */
    public static final Bytes EMPTY_ROOT = Bytes.wrap(digest().digest());

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::digest);

    private MerkleHash() {}

    /** MTH({d(0)}) = HASH(0x00 || d(0)). */
    public static Bytes leaf(byte[] entry) {
        return leaf(entry, 0, entry.length);
    }

    public static Bytes leaf(byte[] entry, int offset, int length) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 0x00);
        sha.update(entry, offset, length);
        return Bytes.wrap(sha.digest());
    }

    public static Bytes leaf(Bytes entry) {
        return leaf(entry.toArray());
    }

    /** HASH(0x01 || left || right). */
    public static Bytes node(Bytes left, Bytes right) {
        byte[] buf = new byte[1 + 2 * BYTES];
        buf[0] = 0x01;
        left.copyTo(buf, 1);
        right.copyTo(buf, 1 + BYTES);
        return Bytes.wrap(SHA256.get().digest(buf));
    }

    /** HASH(0x01 || a[aOff..aOff+32] || b[bOff..bOff+32]) over raw arrays, for bulk tile hashing. */
    public static byte[] node(byte[] a, int aOff, byte[] b, int bOff) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 0x01);
        sha.update(a, aOff, BYTES);
        sha.update(b, bOff, BYTES);
        return sha.digest();
    }

    static void requireHash(Bytes h, String what) {
        if (h.length() != BYTES) {
            throw new IllegalArgumentException(what + " must be " + BYTES + " bytes, got " + h.length());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
