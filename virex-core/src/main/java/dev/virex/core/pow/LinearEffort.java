package dev.virex.core.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The linear effort rule of Tor's hs PoW v1 (torspec proposal 327, "hs-pow-v1": a solution is
 * valid iff R * E does not overflow, R the hash read as an unsigned integer, E the effort),
 * applied to a 256-bit hash: valid iff H * E <= 2^256 - 1, which is H <= floor((2^256 - 1) / E).
 *
 * <p>The threshold floor((2^256 - 1) / E) is computed by 32-bit long division (eight divisions,
 * no BigInteger) and kept as four big-endian 64-bit limbs; checking a hash is then four unsigned
 * comparisons at most. Expected attempts to find a solution: E.
 */
public final class LinearEffort {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long effort;
    private final long t0;
    private final long t1;
    private final long t2;
    private final long t3;

    private LinearEffort(long effort, long[] limbs) {
        this.effort = effort;
        this.t0 = limbs[0];
        this.t1 = limbs[1];
        this.t2 = limbs[2];
        this.t3 = limbs[3];
    }

    /** The rule for effort {@code e}, 1 <= e <= 2^32 - 1. */
    public static LinearEffort of(long e) {
        if (e < 1 || e > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("effort must be between 1 and 2^32 - 1, got " + e);
        }
        return new LinearEffort(e, threshold(e));
    }

    public long effort() {
        return effort;
    }

    /** floor((2^256 - 1) / e) as four big-endian limbs: long division over 32-bit digits, all 0xffffffff. */
    static long[] threshold(long e) {
        long[] limbs = new long[4];
        long rem = 0;
        for (int digit = 0; digit < 8; digit++) {
            long cur = (rem << 32) | 0xFFFF_FFFFL; // rem < e < 2^32, so this fits in 64 unsigned bits
            long q = Long.divideUnsigned(cur, e);
            rem = Long.remainderUnsigned(cur, e);
            limbs[digit / 2] |= (digit % 2 == 0) ? q << 32 : q;
        }
        return limbs;
    }

    /** Whether the 32-byte hash at {@code hash[off]} meets this effort (proposal 327 linear rule). */
    public boolean isMetBy(byte[] hash, int off) {
        long h = (long) LONGS.get(hash, off);
        if (h != t0) {
            return Long.compareUnsigned(h, t0) < 0;
        }
        h = (long) LONGS.get(hash, off + 8);
        if (h != t1) {
            return Long.compareUnsigned(h, t1) < 0;
        }
        h = (long) LONGS.get(hash, off + 16);
        if (h != t2) {
            return Long.compareUnsigned(h, t2) < 0;
        }
        return Long.compareUnsigned((long) LONGS.get(hash, off + 24), t3) <= 0;
    }

    public boolean isMetBy(byte[] hash) {
        return isMetBy(hash, 0);
    }
}
