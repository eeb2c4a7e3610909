package dev.virex.crypto.frost;

import cafe.cryptography.curve25519.EdwardsPoint;
import java.util.Arrays;
import java.util.List;

/**
 * Variable-time multi-scalar multiplication, sum of s_i * P_i, by Pippenger's bucket method: each
 * c-bit window of every scalar drops its point into one of 2^c - 1 buckets, the buckets are summed
 * with running sums, the windows combined by doubling; digits of zero (short scalars' high windows)
 * cost nothing. About n * 253 / c + 2^(c+1) * 253 / c point additions for n points, against n
 * separate scalar multiplications of ~300 operations each. For public values only (batch
 * verification).
 */
final class Msm {
    private Msm() {}

    static EdwardsPoint sum(List<Scalar> scalars, List<Element> points) {
        int n = points.size();
        if (scalars.size() != n) {
            throw new IllegalArgumentException("one scalar per point");
        }
        byte[][] digits = new byte[n][];
        EdwardsPoint[] p = new EdwardsPoint[n];
        for (int i = 0; i < n; i++) {
            digits[i] = scalars.get(i).raw().toByteArray(); // little-endian, reduced: below 2^253
            p[i] = points.get(i).point();
        }
        int c = window(n);
        EdwardsPoint[] buckets = new EdwardsPoint[(1 << c) - 1];
        EdwardsPoint acc = EdwardsPoint.IDENTITY;
        for (int w = (253 + c - 1) / c - 1; w >= 0; w--) {
            for (int k = 0; k < c; k++) {
                acc = acc.dbl();
            }
            Arrays.fill(buckets, null);
            for (int i = 0; i < n; i++) {
                int d = digit(digits[i], w * c, c);
                if (d != 0) {
                    buckets[d - 1] = buckets[d - 1] == null ? p[i] : buckets[d - 1].add(p[i]);
                }
            }
            // sum over d of d * bucket[d] = sum over d of (running sum of buckets >= d)
            EdwardsPoint running = null;
            EdwardsPoint total = null;
            for (int j = buckets.length - 1; j >= 0; j--) {
                if (buckets[j] != null) {
                    running = running == null ? buckets[j] : running.add(buckets[j]);
                }
                if (running != null) {
                    total = total == null ? running : total.add(running);
                }
            }
            if (total != null) {
                acc = acc.add(total);
            }
        }
        return acc;
    }

    /**
     * Window width: about log2(n) - 3 bits, from 2 to 12, balancing the n additions per window
     * against the 2 x 2^c of summing the buckets (8 bits for the ~1,800 points of 256 entries).
     */
    static int window(int n) {
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(n, 1));
        return Math.max(2, Math.min(12, log - 3));
    }

    /** Bits [bit, bit + c) of a little-endian number. */
    static int digit(byte[] le, int bit, int c) {
        int v = 0;
        for (int k = 0; k < c; k++) {
            int b = bit + k;
            if (b >= le.length * 8) {
                break;
            }
            v |= ((le[b >>> 3] >>> (b & 7)) & 1) << k;
        }
        return v;
    }
}
