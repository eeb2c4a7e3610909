package dev.virex.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Inter-send gaps of a Poisson process with the public cover-traffic rate (Loopix): exponential
 * with mean 60 s / rate-per-minute, drawn by inverse transform.
 */
public final class PoissonSchedule {
    private final double meanNanos;
    private final RandomGenerator random;

    public PoissonSchedule(long ratePerMinute, RandomGenerator random) {
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.meanNanos = 60e9 / ratePerMinute;
        this.random = random;
    }

    public Duration next() {
        double u = random.nextDouble(); // in [0, 1)
        return Duration.ofNanos((long) (-Math.log1p(-u) * meanNanos));
    }

    public Duration mean() {
        return Duration.ofNanos((long) meanNanos);
    }
}
