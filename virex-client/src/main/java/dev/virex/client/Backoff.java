package dev.virex.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the client obeys a mixnode's backoff: it never sends before the delay the mixnode gave, and
 * spreads its retry with full jitter over one more such delay, {@code D + uniform(0, D)}, so that
 * clients turned away together do not come back together. The mixnode doubles D on each repeated
 * violation (up to the cap in the parameters), so the client's waits grow with it.
 */
public final class Backoff {
    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    public Duration waitFor(Duration serverDelay) {
        long d = Math.max(0, serverDelay.toNanos());
        if (d == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(d + (long) (random.nextDouble() * d));
    }
}
