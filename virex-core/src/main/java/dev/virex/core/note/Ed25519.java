package dev.virex.core.note;

import dev.virex.core.Bytes;
import java.security.SecureRandom;

/**
 * RFC 8032 Ed25519 (pure, no context) for the hot paths: BouncyCastle's implementation, measured
 * faster than the JDK's SunEC at verification (bench {@code NoteVerifyBench}). Signatures from
 * either verify under the other; the tests check both directions.
 */
public final class Ed25519 {
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SEED_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private Ed25519() {}

    /** A public key decoded once, so that repeated verification skips point decompression. */
    public static final class PublicKey {
        private final Bytes encoded;
        private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;

        private PublicKey(Bytes encoded, org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point) {
            this.encoded = encoded;
            this.point = point;
        }

        public Bytes encoded() {
            return encoded;
        }

        /** RFC 8032 section 5.1.7 verification of {@code sig} over {@code msg[off, off+len)}. */
        public boolean verify(byte[] msg, int off, int len, byte[] sig) {
            if (sig.length != SIGNATURE_BYTES) {
                return false;
            }
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, point, msg, off, len);
        }

        public boolean verify(byte[] msg, byte[] sig) {
            return verify(msg, 0, msg.length, sig);
        }
    }

    /**
     * Decodes a 32-byte public key, refusing encodings that are not canonical points on the curve
     * (RFC 8032 section 5.1.3).
     */
    public static PublicKey publicKey(Bytes encoded) {
        if (encoded.length() != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + encoded.length());
        }
        var point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(encoded.toArray(), 0);
        if (point == null) {
            throw new IllegalArgumentException("not a valid Ed25519 public key");
        }
        return new PublicKey(encoded, point);
    }

    /** The public key of a 32-byte private seed (RFC 8032 section 5.1.5). */
    public static Bytes publicKeyOf(byte[] seed) {
        requireSeed(seed);
        byte[] pk = new byte[PUBLIC_KEY_BYTES];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pk, 0);
        return Bytes.wrap(pk);
    }

    /** RFC 8032 section 5.1.6 signature of {@code msg} under the 32-byte private seed. */
    public static byte[] sign(byte[] seed, byte[] msg) {
        requireSeed(seed);
        byte[] sig = new byte[SIGNATURE_BYTES];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, msg, 0, msg.length, sig, 0);
        return sig;
    }

    public static byte[] newSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        return seed;
    }

    private static void requireSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
    }
}
