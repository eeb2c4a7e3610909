package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The hash functions of FROST(Ed25519, SHA-512), RFC 9591 section 6.1, and nonce generation,
 * section 4.1. H2 carries no domain separator, for compatibility with RFC 8032.
 */
public final class Ciphersuite {
    /** contextString of RFC 9591 section 6.1. */
    public static final String CONTEXT_STRING = "FROST-ED25519-SHA512-v1";
    private static final byte[] CONTEXT = CONTEXT_STRING.getBytes(StandardCharsets.US_ASCII);

    private Ciphersuite() {}

    /** H1(m) = SHA-512(contextString || "rho" || m), wide-reduced modulo L. */
    public static Scalar h1(byte[]... m) {
        return Scalar.reduceWide(hash("rho", m));
    }

    /** H2(m) = SHA-512(m), wide-reduced modulo L: the RFC 8032 challenge. */
    public static Scalar h2(byte[]... m) {
        return Scalar.reduceWide(hash(null, m));
    }

    /** H3(m) = SHA-512(contextString || "nonce" || m), wide-reduced modulo L. */
    public static Scalar h3(byte[]... m) {
        return Scalar.reduceWide(hash("nonce", m));
    }

    /** H4(m) = SHA-512(contextString || "msg" || m). */
    public static byte[] h4(byte[]... m) {
        return hash("msg", m);
    }

    /** H5(m) = SHA-512(contextString || "com" || m). */
    public static byte[] h5(byte[]... m) {
        return hash("com", m);
    }

    /**
     * A domain-separated hash to a scalar for VIREX's own uses (the DKG), SHA-512(contextString ||
     * label || m), wide-reduced; the labels differ from the RFC's.
     */
    public static Scalar hashToScalar(String label, byte[]... m) {
        if (label.equals("rho") || label.equals("nonce") || label.equals("msg") || label.equals("com")) {
            throw new IllegalArgumentException("label reserved by RFC 9591: " + label);
        }
        return Scalar.reduceWide(hash(label, m));
    }

    /** SHA-512(contextString || label || m) for VIREX's own uses; see {@link #hashToScalar}. */
    public static byte[] hashBytes(String label, byte[]... m) {
        if (label.equals("rho") || label.equals("nonce") || label.equals("msg") || label.equals("com")) {
            throw new IllegalArgumentException("label reserved by RFC 9591: " + label);
        }
        return hash(label, m);
    }

    /**
     * nonce_generate of RFC 9591 section 4.1: H3(random_bytes(32) || SerializeScalar(secret)),
     * hedging fresh randomness with the secret share so that a weak RNG alone does not repeat or
     * expose nonces.
     */
    public static Scalar nonceGenerate(Scalar secret, SecureRandom random) {
        byte[] randomBytes = new byte[32];
        random.nextBytes(randomBytes);
        try {
            return nonceGenerate(secret, randomBytes);
        } finally {
            Arrays.fill(randomBytes, (byte) 0);
        }
    }

    /** nonce_generate with the 32 random bytes given (the RFC's test vectors list them). */
    public static Scalar nonceGenerate(Scalar secret, byte[] randomBytes) {
        if (randomBytes.length != 32) {
            throw new IllegalArgumentException("nonce_generate takes 32 random bytes");
        }
        byte[] secretEnc = secret.serialize().toArray();
        try {
            return h3(randomBytes, secretEnc);
        } finally {
            Arrays.fill(secretEnc, (byte) 0);
        }
    }

    /** SHA-256, for fingerprints of VIREX texts (group IDs, transcripts, message digests). */
    public static Bytes sha256(byte[]... parts) {
        MessageDigest md = digest("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return Bytes.wrap(md.digest());
    }

    private static byte[] hash(String label, byte[][] parts) {
        MessageDigest md = digest("SHA-512");
        if (label != null) {
            md.update(CONTEXT);
            md.update(label.getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + name, e);
        }
    }
}
