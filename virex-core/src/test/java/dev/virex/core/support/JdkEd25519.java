package dev.virex.core.support;

import dev.virex.core.Bytes;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** The JDK's own Ed25519 (SunEC), as an independent second implementation for tests. */
public final class JdkEd25519 {
    private JdkEd25519() {}

    /** A JDK public key from the 32-byte RFC 8032 encoding. */
    public static PublicKey publicKey(Bytes raw) throws Exception {
        byte[] le = raw.toArray();
        boolean xOdd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
