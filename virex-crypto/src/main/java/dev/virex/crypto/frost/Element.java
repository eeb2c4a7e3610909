package dev.virex.crypto.frost;

import cafe.cryptography.curve25519.CompressedEdwardsY;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.EdwardsPoint;
import cafe.cryptography.curve25519.InvalidEncodingException;
import dev.virex.core.Bytes;

/**
 * An element of the edwards25519 group as FROST(Ed25519, SHA-512) uses it (RFC 9591 section 6.1).
 * Immutable. Elements that come from outside pass {@link #deserialize}, which refuses everything
 * the RFC requires and what curve25519-elisabeth's decoder alone lets through.
 */
public final class Element {
    /** Ne: the length of a serialized element. */
    public static final int BYTES = 32;
    public static final Element IDENTITY = new Element(EdwardsPoint.IDENTITY);
    /** The RFC 8032 encoding of the identity (0, 1): y = 1, sign bit 0. */
    private static final Bytes IDENTITY_ENCODING = Bytes.wrap(EdwardsPoint.IDENTITY.compress().toByteArray());

    private final EdwardsPoint point;
    /** The encoding, once known (decoded from it, or serialized once): compressing costs an inversion. */
    private Bytes encoding;

    private Element(EdwardsPoint point) {
        this.point = point;
    }

    private Element(EdwardsPoint point, Bytes encoding) {
        this.point = point;
        this.encoding = encoding;
    }

    /**
     * DeserializeElement of RFC 9591 section 6.1: decoding per RFC 8032 section 5.1.3, refusing
     * (1) encodings that are not canonical, (2) the identity, (3) elements outside the prime-order
     * subgroup (small-order and mixed-order points).
     */
    public static Element deserialize(Bytes buf) throws FrostException {
        Element e = decodeRfc8032(buf);
        EdwardsPoint p = e.point;
        // RFC 9591 section 6.1: not the identity, and in the prime-order subgroup ([L]P == I).
        if (p.isIdentity()) {
            throw FrostException.malformed("the identity element is not allowed");
        }
        if (!p.isTorsionFree()) {
            throw FrostException.malformed("group element outside the prime-order subgroup (small or mixed order)");
        }
        return e;
    }

    /**
     * Decoding of RFC 8032 section 5.1.3 alone: any canonical encoding of a curve point, whatever
     * its order (signature verification takes R this way). Refuses y >= p and x = 0 with the sign
     * bit set, which curve25519-elisabeth's decoder lets through (it reduces y and ignores the
     * sign of x = 0): re-encoding the decoded point must give back the input.
     */
    static Element decodeRfc8032(Bytes buf) throws FrostException {
        if (buf.length() != BYTES) {
            throw FrostException.malformed("a group element is " + BYTES + " bytes, got " + buf.length());
        }
        byte[] b = buf.toArray();
        if (!canonical(b)) {
            throw FrostException.malformed("non-canonical encoding of a group element");
        }
        EdwardsPoint p;
        try {
            p = new CompressedEdwardsY(b).decompress();
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            throw new FrostException(FrostException.Kind.MALFORMED, "not a point on edwards25519", java.util.List.of(), e);
        }
        return new Element(p, buf);
    }

    /**
     * Whether an encoding is canonical in the two ways the decoder does not check (RFC 8032 section
     * 5.1.3): y below p = 2^255 - 19, and no sign bit on x = 0 (y = 1 or y = p - 1). Then decoding
     * and re-encoding give back the same bytes, without the inversion that re-encoding costs.
     */
    static boolean canonical(byte[] b) {
        boolean high = (b[31] & 0x7f) == 0x7f;
        for (int i = 1; i < 31 && high; i++) {
            high = b[i] == (byte) 0xff;
        }
        int low = b[0] & 0xff;
        if (high && low >= 0xed) {
            return false; // y >= p
        }
        if ((b[31] & 0x80) != 0) {
            boolean one = low == 1 && (b[31] & 0x7f) == 0;
            for (int i = 1; i < 31 && one; i++) {
                one = b[i] == 0;
            }
            if (one || high && low == 0xec) {
                return false; // x = 0 (y = 1 or y = p - 1) with the sign bit set
            }
        }
        return true;
    }

    /** The point, for the multi-scalar multiplication of batch verification. */
    EdwardsPoint point() {
        return point;
    }

    /** [8]P == identity: whether this point is of small order (or the identity). */
    boolean isSmallOrder() {
        return point.multiplyByCofactor().isIdentity();
    }

    /** ScalarBaseMult: k times the generator B, in constant time. */
    public static Element baseMultiply(Scalar k) {
        return new Element(Constants.ED25519_BASEPOINT_TABLE.multiply(k.raw()));
    }

    /** a*A + b*B in variable time: for public values only (verification). */
    static Element vartimeDoubleBase(Scalar a, Element pointA, Scalar b) {
        return new Element(EdwardsPoint.vartimeDoubleScalarMultiplyBasepoint(a.raw(), pointA.point, b.raw()));
    }

    /** SerializeElement of RFC 9591 section 6.1 (RFC 8032 section 5.1.2); refuses the identity. */
    public Bytes serialize() {
        if (isIdentity()) {
            throw new IllegalStateException("SerializeElement: the identity element has no FROST encoding");
        }
        Bytes e = encoding;
        if (e == null) {
            e = Bytes.wrap(point.compress().toByteArray());
            encoding = e; // a benign race: every thread computes the same immutable value
        }
        return e;
    }

    public Element add(Element o) {
        return new Element(point.add(o.point));
    }

    /** -P (variable time is fine: negation is the same work for every point). */
    Element negate() {
        return new Element(point.negate());
    }

    public Element subtract(Element o) {
        return new Element(point.subtract(o.point));
    }

    /** ScalarMult, in constant time. */
    public Element multiply(Scalar k) {
        return new Element(point.multiply(k.raw()));
    }

    /** Multiplication by a small public integer (identifiers, powers of them), in variable time. */
    public Element multiplySmall(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative multiplier");
        }
        EdwardsPoint acc = EdwardsPoint.IDENTITY;
        for (int bit = 31 - Integer.numberOfLeadingZeros(k); bit >= 0; bit--) {
            acc = acc.dbl();
            if (((k >>> bit) & 1) != 0) {
                acc = acc.add(point);
            }
        }
        return new Element(acc);
    }

    public boolean isIdentity() {
        Bytes e = encoding;
        // Comparing points compresses them (an inversion); a known encoding answers at once.
        return e != null ? e.equals(IDENTITY_ENCODING) : point.isIdentity();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Element e)) {
            return false;
        }
        Bytes a = encoding;
        Bytes b = e.encoding;
        // Canonical encodings are unique, so known ones compare like the points.
        return a != null && b != null ? a.equals(b) : point.ctEquals(e.point) == 1;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(point.compress().toByteArray());
    }

    @Override
    public String toString() {
        return isIdentity() ? "Element[identity]" : "Element[" + serialize().toHex() + "]";
    }
}
