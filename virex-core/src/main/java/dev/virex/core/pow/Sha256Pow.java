package dev.virex.core.pow;

import dev.virex.core.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;

/**
 * PoW algorithm {@code sha256-v1}: SHA-256 over the challenge and solution, with the linear
 * effort rule of Tor's hs PoW v1 (proposal 327). The hashed input is {@value #INPUT_BYTES} bytes:
 *
 * <pre>
 * off  len
 *   0   20  domain tag "virex/pow/sha256-v1" and one zero byte
 *  20   32  mixnode identity (Ed25519 public key)
 *  52   32  epoch seed
 *  84   32  message digest (SHA-256 of the sealed message)
 * 116   16  client nonce
 * 132    4  effort, unsigned big-endian
 * 136   16  solution
 * </pre>
 *
 * The first 136 bytes are the challenge. A solution is valid iff SHA-256(input), read as an
 * unsigned 256-bit integer, times the effort is at most 2^256 - 1 ({@link LinearEffort}).
 */
public final class Sha256Pow implements PowVerifier {
    public static final byte[] DOMAIN = "virex/pow/sha256-v1\0".getBytes(StandardCharsets.US_ASCII);
    public static final int INPUT_BYTES = 152;
    public static final int CHALLENGE_BYTES = 136;
    static final int OFF_ID = 20;
    static final int OFF_SEED = 52;
    static final int OFF_DIGEST = 84;
    static final int OFF_NONCE = 116;
    static final int OFF_SOLUTION = 136;
    /** The solver hashes the first two 64-byte blocks once per nonce and clones that state. */
    static final int MIDSTATE_BYTES = 128;

    @Override
    public boolean verify(PowPuzzle puzzle, PowSolution s) {
        if (s.algorithm() != PowAlgorithm.SHA256_V1) {
            return false;
        }
        // torspec proposal 327 (hspow-spec v1) linear effort rule, over SHA-256 of challenge || solution
        return LinearEffort.of(s.effort()).isMetBy(hash(input(puzzle, s.nonce(), s.effort(), s.solution())));
    }

    /** The {@value #INPUT_BYTES}-byte hashed input. */
    public static byte[] input(PowPuzzle p, Bytes nonce, long effort, Bytes solution) {
        if (nonce.length() != PowSolution.NONCE_BYTES || solution.length() != PowSolution.SOLUTION_BYTES) {
            throw new IllegalArgumentException("nonce and solution are 16 bytes each");
        }
        ByteBuffer b = ByteBuffer.allocate(INPUT_BYTES);
        b.put(DOMAIN).put(p.mixnodeId().toArray()).put(p.seed().toArray()).put(p.messageDigest().toArray())
                .put(nonce.toArray()).putInt((int) effort).put(solution.toArray());
        return b.array();
    }

    public static byte[] hash(byte[] input) {
        return sha256().digest(input);
    }

    /**
     * Tries the solutions {@code lane || counter} for counter in [start, start + count) and answers
     * the first counter that meets the effort. The solver's inner loop: two of the three SHA-256
     * blocks are hashed once (midstate), each attempt hashes the last block only.
     */
    public static OptionalLong search(PowPuzzle p, Bytes nonce, long effort, long lane, long start, long count) {
        LinearEffort rule = LinearEffort.of(effort);
        byte[] in = input(p, nonce, effort, Bytes.wrap(new byte[PowSolution.SOLUTION_BYTES]));
        ByteBuffer.wrap(in, OFF_SOLUTION, 8).putLong(lane);
        MessageDigest mid = sha256();
        mid.update(in, 0, MIDSTATE_BYTES);
        byte[] out = new byte[32];
        try {
            for (long i = 0; i < count; i++) {
                long counter = start + i;
                ByteBuffer.wrap(in, OFF_SOLUTION + 8, 8).putLong(counter);
                MessageDigest sha = (MessageDigest) mid.clone();
                sha.update(in, MIDSTATE_BYTES, INPUT_BYTES - MIDSTATE_BYTES);
                sha.digest(out, 0, 32);
                if (rule.isMetBy(out)) {
                    return OptionalLong.of(counter);
                }
            }
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 midstate unavailable", e);
        }
        return OptionalLong.empty();
    }

    /** The 16-byte solution {@code uint64_be(lane) || uint64_be(counter)}. */
    public static Bytes solution(long lane, long counter) {
        return Bytes.wrap(ByteBuffer.allocate(PowSolution.SOLUTION_BYTES).putLong(lane).putLong(counter).array());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The verifier's hot path, without allocation: one instance per thread. Checks a solution
     * encoded at {@code enc[off]} ({@link PowSolution} layout) against a mixnode identity, seed
     * and message digest given as 32-byte arrays.
     */
    public static final class Checker {
        private final MessageDigest sha = sha256();
        private final byte[] in = new byte[INPUT_BYTES];
        private final byte[] out = new byte[32];

        public Checker() {
            System.arraycopy(DOMAIN, 0, in, 0, DOMAIN.length);
        }

        public boolean check(byte[] mixnodeId, byte[] seed, byte[] digest, byte[] enc, int off, LinearEffort rule) {
            System.arraycopy(mixnodeId, 0, in, OFF_ID, 32);
            System.arraycopy(seed, 0, in, OFF_SEED, 32);
            System.arraycopy(digest, 0, in, OFF_DIGEST, 32);
            // nonce, effort and solution are contiguous in both layouts
            System.arraycopy(enc, off + PowSolution.OFF_NONCE, in, OFF_NONCE, 36);
            sha.update(in, 0, INPUT_BYTES);
            try {
                sha.digest(out, 0, 32);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            return rule.isMetBy(out);
        }
    }
}
