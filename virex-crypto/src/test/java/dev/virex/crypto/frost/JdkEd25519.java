package dev.virex.crypto.frost;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** The JDK's own RFC 8032 verifier (SunEC), independent of the code under test. */
public final class JdkEd25519 {
    private JdkEd25519() {}

    public static boolean verify(byte[] publicKey, byte[] msg, byte[] sig) throws Exception {
        byte[] raw = publicKey.clone();
        boolean xOdd = (raw[31] & 0x80) != 0;
        raw[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = raw[31 - i];
        }
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(msg);
        return s.verify(sig);
    }
}
