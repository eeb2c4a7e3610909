package dev.virex.crypto.frost;

import dev.virex.core.Bytes;

/**
 * A FROST(Ed25519, SHA-512) signature (R, z), encoded as R || z (RFC 9591 Appendix A): 64 bytes,
 * exactly an RFC 8032 Ed25519 signature.
 */
public record Signature(Element r, Scalar z) {
    public static final int BYTES = Element.BYTES + Scalar.BYTES;

    public Signature {
        if (r.isIdentity()) {
            throw new IllegalArgumentException("R cannot be the identity");
        }
    }

    public Bytes encode() {
        byte[] out = new byte[BYTES];
        r.serialize().copyTo(out, 0);
        z.serialize().copyTo(out, Element.BYTES);
        return Bytes.wrap(out);
    }

    /**
     * Verifies a 64-byte Ed25519 signature under the group public key as RFC 9591 section 6.1
     * requires: RFC 8032 section 5.1.7 with the cofactored group equation [8][z]B = [8]R + [8][c]PK,
     * where c = H2(R || PK || msg). R is decoded per RFC 8032 section 5.1.3 (canonical), z must be
     * below L.
     */
    public static boolean verify(Element groupKey, byte[] message, Bytes signature) {
        if (signature.length() != BYTES) {
            return false;
        }
        Element r;
        Scalar z;
        try {
            r = Element.decodeRfc8032(signature.slice(0, Element.BYTES));
            z = Scalar.deserialize(signature.slice(Element.BYTES, BYTES));
        } catch (FrostException e) {
            return false;
        }
        Scalar c = Ciphersuite.h2(signature.slice(0, Element.BYTES).toArray(), groupKey.serialize().toArray(), message);
        // zB - cPK - R must be of small order: [8](zB - cPK - R) == I.
        Element diff = Element.vartimeDoubleBase(c.negate(), groupKey, z).subtract(r);
        return diff.isSmallOrder();
    }

    public boolean verify(Element groupKey, byte[] message) {
        return verify(groupKey, message, encode());
    }
}
