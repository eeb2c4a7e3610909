package dev.virex.node.metrics;

import java.security.SecureRandom;

/**
 * Coarsens a per-interval count before it is published, so that published figures say little
 * about any one client (docs/spec/pow.md, "Metrics privacy"). Small counts (below
 * {@value #SMALL}) get Laplace noise (scale {@value #NOISE_SCALE}), are clamped at zero and
 * rounded to the nearest multiple of {@value #BIN}; a small count, even zero, is thus hidden in a
 * bin among its neighbours. Larger counts are rounded to two significant digits (a relative error
 * of at most 5%), which hides single messages. Rounding to the nearest value keeps sums of
 * published figures close to the true totals.
 */
public final class Binning {
    public static final long SMALL = 1024;
    public static final long BIN = 16;
    public static final double NOISE_SCALE = 8.0;

    private final SecureRandom random;

    public Binning(SecureRandom random) {
        this.random = random;
    }

    public long publish(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (count < SMALL) {
            double noisy = Math.max(0, count + laplace());
            return BIN * Math.round(noisy / BIN);
        }
        return roundTwoDigits(count);
    }

    static long roundTwoDigits(long v) {
        long unit = 1;
        while (v / unit >= 100) {
            unit *= 10;
        }
        return (v + unit / 2) / unit * unit;
    }

    /** A Laplace(0, NOISE_SCALE) sample by inverse transform. */
    private double laplace() {
        double u = random.nextDouble() - 0.5;
        double mag = Math.max(1e-12, 1 - 2 * Math.abs(u));
        return -NOISE_SCALE * Math.signum(u) * Math.log(mag);
    }
}
