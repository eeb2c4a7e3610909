package dev.virex.core.pow;

import dev.virex.core.Bytes;
import java.nio.ByteBuffer;

/**
 * A proof-of-work solution as carried on the wire, {@value #BYTES} bytes:
 *
 * <pre>
 * algorithm id   1   (0x01 = sha256-v1)
 * seed head      8   first 8 bytes of the epoch seed solved against
 * nonce         16   chosen by the client; (seed, nonce) may be used once
 * effort         4   unsigned big-endian, at least 1
 * solution      16   algorithm-specific
 * </pre>
 */
public record PowSolution(PowAlgorithm algorithm, long seedHead, Bytes nonce, long effort, Bytes solution) {
    public static final int BYTES = 45;
    public static final int NONCE_BYTES = 16;
    public static final int SOLUTION_BYTES = 16;
    /** Offsets inside the encoding. */
    public static final int OFF_SEED_HEAD = 1;
    public static final int OFF_NONCE = 9;
    public static final int OFF_EFFORT = 25;
    public static final int OFF_SOLUTION = 29;

    public PowSolution {
        if (nonce.length() != NONCE_BYTES || solution.length() != SOLUTION_BYTES) {
            throw new IllegalArgumentException("nonce and solution are 16 bytes each");
        }
        if (effort < 1 || effort > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("effort must be between 1 and 2^32 - 1");
        }
    }

    public void encodeInto(byte[] out, int off) {
        ByteBuffer b = ByteBuffer.wrap(out, off, BYTES);
        b.put((byte) algorithm.id()).putLong(seedHead).put(nonce.toArray()).putInt((int) effort).put(solution.toArray());
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES];
        encodeInto(out, 0);
        return out;
    }

    /** Decodes the {@value #BYTES} bytes at {@code buf[off]}. */
    public static PowSolution decode(byte[] buf, int off) throws PowFormatException {
        if (off < 0 || buf.length - off < BYTES) {
            throw new PowFormatException("a PoW solution is " + BYTES + " bytes");
        }
        PowAlgorithm alg = PowAlgorithm.byId(buf[off] & 0xff)
                .orElseThrow(() -> new PowFormatException("unknown PoW algorithm id " + (buf[off] & 0xff)));
        ByteBuffer b = ByteBuffer.wrap(buf, off + 1, BYTES - 1);
        long head = b.getLong();
        Bytes nonce = Bytes.of(buf, off + OFF_NONCE, NONCE_BYTES);
        long effort = Integer.toUnsignedLong(ByteBuffer.wrap(buf, off + OFF_EFFORT, 4).getInt());
        if (effort == 0) {
            throw new PowFormatException("PoW effort must be at least 1");
        }
        return new PowSolution(alg, head, nonce, effort, Bytes.of(buf, off + OFF_SOLUTION, SOLUTION_BYTES));
    }

    public static PowSolution decode(byte[] exact) throws PowFormatException {
        if (exact.length != BYTES) {
            throw new PowFormatException("a PoW solution is exactly " + BYTES + " bytes, got " + exact.length);
        }
        return decode(exact, 0);
    }
}
