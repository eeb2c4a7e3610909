package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A scalar of the edwards25519 prime-order group, an integer modulo
 * L = 2^252 + 27742317777372353535851937790883648493 (RFC 9591 sections 3.1 and 6.1). Immutable.
 * Arithmetic is curve25519-elisabeth's constant-time scalar arithmetic.
 */
public final class Scalar {
    /** Ns: the length of a serialized scalar. */
    public static final int BYTES = 32;
    public static final Scalar ZERO = new Scalar(cafe.cryptography.curve25519.Scalar.ZERO);
    public static final Scalar ONE = new Scalar(cafe.cryptography.curve25519.Scalar.ONE);

    /** L - 2, little-endian: the exponent that inverts by Fermat's little theorem. */
    private static final byte[] L_MINUS_2 = Bytes.fromHex(
            "ebd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010").toArray();

    private final cafe.cryptography.curve25519.Scalar value;

    private Scalar(cafe.cryptography.curve25519.Scalar value) {
        this.value = value;
    }

    /**
     * DeserializeScalar of RFC 9591 section 6.1: a little-endian 32-byte string whose value is in
     * [0, L - 1]; in particular its top three bits must be zero.
     */
    public static Scalar deserialize(Bytes buf) throws FrostException {
        if (buf.length() != BYTES) {
            throw FrostException.malformed("a scalar is " + BYTES + " bytes, got " + buf.length());
        }
        byte[] b = buf.toArray();
        if ((b[31] & 0xe0) != 0) {
            throw FrostException.malformed("non-canonical scalar: top three bits set");
        }
        try {
            return new Scalar(cafe.cryptography.curve25519.Scalar.fromCanonicalBytes(b));
        } catch (IllegalArgumentException e) {
            throw new FrostException(FrostException.Kind.MALFORMED, "non-canonical scalar: not below the group order",
                    java.util.List.of(), e);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** Scalar(x) of RFC 9591 section 3.1, for a small non-negative integer. */
    public static Scalar of(long x) {
        if (x < 0) {
            throw new IllegalArgumentException("negative: " + x);
        }
        byte[] b = new byte[BYTES];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (x >>> (8 * i));
        }
        return new Scalar(cafe.cryptography.curve25519.Scalar.fromBytesModOrder(b));
    }

    /** A 64-byte string read as a little-endian integer and reduced modulo L (RFC 9591 H1, H2, H3). */
    static Scalar reduceWide(byte[] digest) {
        if (digest.length != 64) {
            throw new IllegalArgumentException("wide reduction takes 64 bytes");
        }
        return new Scalar(cafe.cryptography.curve25519.Scalar.fromBytesModOrderWide(digest));
    }

    /**
     * RandomScalar of RFC 9591 section 6.1 by wide reduction (Appendix D): 64 random bytes reduced
     * modulo L, which is uniform to within 2^-256.
     */
    public static Scalar random(SecureRandom random) {
        byte[] b = new byte[64];
        random.nextBytes(b);
        Scalar s = reduceWide(b);
        Arrays.fill(b, (byte) 0);
        return s;
    }

    /** SerializeScalar of RFC 9591 section 6.1: 32 bytes, little-endian. */
    public Bytes serialize() {
        return Bytes.wrap(value.toByteArray());
    }

    public Scalar add(Scalar o) {
        return new Scalar(value.add(o.value));
    }

    public Scalar subtract(Scalar o) {
        return new Scalar(value.subtract(o.value));
    }

    public Scalar multiply(Scalar o) {
        return new Scalar(value.multiply(o.value));
    }

    public Scalar negate() {
        return ZERO.subtract(this);
    }

    /** The multiplicative inverse, as this^(L-2) (L is prime); refuses zero. */
    public Scalar invert() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse");
        }
        cafe.cryptography.curve25519.Scalar acc = cafe.cryptography.curve25519.Scalar.ONE;
        for (int i = 255; i >= 0; i--) {
            acc = acc.multiply(acc);
            if (((L_MINUS_2[i >>> 3] >>> (i & 7)) & 1) != 0) {
                acc = acc.multiply(value);
            }
        }
        return new Scalar(acc);
    }

    public boolean isZero() {
        return value.ctEquals(cafe.cryptography.curve25519.Scalar.ZERO) == 1;
    }

    cafe.cryptography.curve25519.Scalar raw() {
        return value;
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && value.ctEquals(s.value) == 1;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never prints the value: scalars are often secret. */
    @Override
    public String toString() {
        return "Scalar[..]";
    }
}
