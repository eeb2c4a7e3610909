package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The threshold arithmetic against BigInteger, which the hot path does not use. */
class LinearEffortTest {
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    static byte[] bytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    static BigInteger threshold(long e) {
        return MAX.divide(BigInteger.valueOf(e));
    }

    @Test
    void thresholdIsFloorOfMaxOverEffort() {
        Random r = new Random(7);
        long[] edge = {1, 2, 3, 7, 255, 256, 65535, 65536, 1_000_000, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
        for (long e : edge) {
            assertThat(bytes32(limbsValue(LinearEffort.threshold(e)))).as("effort " + e).isEqualTo(bytes32(threshold(e)));
        }
        for (int i = 0; i < 2000; i++) {
            long e = 1 + (r.nextLong() >>> 32) % 0xFFFF_FFFFL;
            assertThat(limbsValue(LinearEffort.threshold(e))).as("effort " + e).isEqualTo(threshold(e));
        }
    }

    @Test
    void aHashMeetsTheEffortExactlyWhenHashTimesEffortFits() {
        Random r = new Random(11);
        for (int i = 0; i < 5000; i++) {
            long e = 1 + (r.nextInt() & 0x7fffffffL) % (i % 2 == 0 ? 1000 : 0xFFFF_FFFFL);
            LinearEffort rule = LinearEffort.of(e);
            BigInteger h = new BigInteger(256, r).shiftRight(r.nextInt(40));
            boolean expected = h.multiply(BigInteger.valueOf(e)).compareTo(MAX) <= 0;
            assertThat(rule.isMetBy(bytes32(h))).as("h=%s e=%d", h.toString(16), e).isEqualTo(expected);
        }
    }

    @Test
    void theBoundaryIsInclusive() {
        for (long e : new long[] {1, 3, 1000, 0xFFFF_FFFFL}) {
            LinearEffort rule = LinearEffort.of(e);
            BigInteger t = threshold(e);
            assertThat(rule.isMetBy(bytes32(t))).isTrue();
            if (e > 1) {
                assertThat(rule.isMetBy(bytes32(t.add(BigInteger.ONE)))).isFalse();
            }
            byte[] ff = new byte[32];
            Arrays.fill(ff, (byte) 0xff);
            assertThat(rule.isMetBy(ff)).isEqualTo(e == 1);
            assertThat(rule.isMetBy(new byte[32])).isTrue();
        }
    }

    @Test
    void effortIsUnsigned32Bit() {
        assertThatThrownBy(() -> LinearEffort.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearEffort.of(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger limbsValue(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (long l : limbs) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l)));
        }
        return v;
    }
}
