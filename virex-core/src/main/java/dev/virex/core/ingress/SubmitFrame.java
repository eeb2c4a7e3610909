package dev.virex.core.ingress;

import dev.virex.core.Bytes;
import dev.virex.core.pow.PowFormatException;
import dev.virex.core.pow.PowSolution;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A client's message to a mixnode, a fixed {@value #BYTES}-byte packet (docs/spec/pow.md, "Frame
 * layout"); real and cover messages look the same:
 *
 * <pre>
 * off   len
 *   0     4  magic "VXI1"
 *   4     1  type 0x01 (submit)
 *   5     3  zero
 *   8     8  target mixnode id prefix (first 8 bytes of its identity)
 *  16    45  PoW solution (PowSolution encoding)
 *  61     3  zero
 *  64    32  HPKE encapsulated key
 *  96  1952  HPKE ciphertext of the 1936-byte payload
 * </pre>
 *
 * The message digest a PoW solution binds is SHA-256 of bytes 64 to 2048, the sealed message.
 */
public record SubmitFrame(long mixnodePrefix, PowSolution pow, Bytes encapsulatedKey, Bytes ciphertext) {
    public static final int BYTES = 2048;
    public static final int MAGIC = 0x56584931; // "VXI1"
    public static final int TYPE = 0x01;
    public static final int OFF_PREFIX = 8;
    public static final int OFF_POW = 16;
    public static final int OFF_SEALED = 64;
    public static final int ENC_BYTES = 32;
    public static final int CIPHERTEXT_BYTES = BYTES - OFF_SEALED - ENC_BYTES;

    public SubmitFrame {
        if (encapsulatedKey.length() != ENC_BYTES || ciphertext.length() != CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("sealed part must be 32 + " + CIPHERTEXT_BYTES + " bytes");
        }
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES];
        ByteBuffer.wrap(out).putInt(MAGIC).put((byte) TYPE).putShort((short) 0).put((byte) 0).putLong(mixnodePrefix);
        pow.encodeInto(out, OFF_POW);
        encapsulatedKey.copyTo(out, OFF_SEALED);
        ciphertext.copyTo(out, OFF_SEALED + ENC_BYTES);
        return out;
    }

    /** Checks the fixed parts of a frame (size, magic, type, zero bytes) without decoding it. */
    public static void checkHeader(byte[] f) throws FrameException {
        if (f.length != BYTES) {
            throw new FrameException("a submit frame is exactly " + BYTES + " bytes, got " + f.length);
        }
        if (ByteBuffer.wrap(f).getInt() != MAGIC || f[4] != TYPE) {
            throw new FrameException("not a VIREX submit frame (magic or type)");
        }
        if (f[5] != 0 || f[6] != 0 || f[7] != 0 || f[61] != 0 || f[62] != 0 || f[63] != 0) {
            throw new FrameException("reserved bytes of a submit frame must be zero");
        }
    }

    public static SubmitFrame decode(byte[] f) throws FrameException {
        checkHeader(f);
        PowSolution pow;
        try {
            pow = PowSolution.decode(f, OFF_POW);
        } catch (PowFormatException e) {
            throw new FrameException("bad PoW solution: " + e.getMessage(), e);
        }
        return new SubmitFrame(ByteBuffer.wrap(f, OFF_PREFIX, 8).getLong(), pow,
                Bytes.of(f, OFF_SEALED, ENC_BYTES), Bytes.of(f, OFF_SEALED + ENC_BYTES, CIPHERTEXT_BYTES));
    }

    /** SHA-256 of the sealed message (bytes 64 to 2048): the digest a PoW solution binds. */
    public static void messageDigest(byte[] frame, MessageDigest sha, byte[] out) {
        sha.update(frame, OFF_SEALED, BYTES - OFF_SEALED);
        try {
            sha.digest(out, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of a sealed message given as its two parts. */
    public static Bytes messageDigest(Bytes encapsulatedKey, Bytes ciphertext) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encapsulatedKey.toArray());
            sha.update(ciphertext.toArray());
            return Bytes.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
