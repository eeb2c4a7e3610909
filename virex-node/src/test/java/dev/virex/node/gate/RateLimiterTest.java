package dev.virex.node.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.pow.AbuseParams;
import dev.virex.testkit.DeterministicRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long SEC = 1_000_000_000L;
    /** 60 per minute (one per second), burst 3, backoff from 2 s up to 60 s. */
    static final AbuseParams PARAMS = AbuseParams.defaults().withRate(60, 3).withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
    static final RateLimiter.Policy POLICY = RateLimiter.Policy.of(PARAMS);

    static RateLimiter limiter() {
        return new RateLimiter(1024, new DeterministicRandom("limiter"), 0);
    }

    @Test
    void policyIsDerivedFromThePublicParameters() {
        assertThat(POLICY.interval()).isEqualTo(10_000); // 1 s in 100 µs ticks
        assertThat(POLICY.tolerance()).isEqualTo(20_000);
        assertThat(POLICY.backoffBase()).isEqualTo(20_000);
        assertThat(POLICY.backoffCap()).isEqualTo(600_000);
    }

    @Test
    void aBurstPassesThenTheRateHolds() {
        RateLimiter l = limiter();
        long t = 10 * SEC;
        for (int i = 0; i < 3; i++) {
            assertThat(l.acquire(42, t, POLICY).accepted()).as("message " + i).isTrue();
        }
        RateLimiter.Outcome o = l.acquire(42, t, POLICY);
        assertThat(o.accepted()).isFalse();
        assertThat(o.inBackoff()).isFalse();
        // Another client is unaffected.
        assertThat(l.acquire(43, t, POLICY).accepted()).isTrue();
    }

    @Test
    void repeatedViolationsDoubleTheDelayAndWaitingRecovers() {
        RateLimiter l = limiter();
        long t = 10 * SEC;
        for (int i = 0; i < 3; i++) {
            l.acquire(7, t, POLICY);
        }
        long first = l.acquire(7, t, POLICY).retryAfterNanos();
        assertThat(first).isBetween(1 * SEC, 2 * SEC);
        long second = l.backoff(7, t, POLICY);
        assertThat(second).isBetween(2 * SEC, 4 * SEC).isGreaterThan(first);
        long third = l.backoff(7, t, POLICY);
        assertThat(third).isBetween(4 * SEC, 8 * SEC).isGreaterThan(second);
        // Waiting exactly as told: served again, with no pending backoff.
        t += third;
        assertThat(l.backoff(7, t, POLICY)).isZero();
        assertThat(l.acquire(7, t, POLICY).accepted()).isTrue();
        // Sending again at once is a violation at a higher level still.
        RateLimiter.Outcome again = l.acquire(7, t, POLICY);
        assertThat(again.accepted()).isFalse();
        assertThat(again.inBackoff()).isTrue();
        assertThat(again.retryAfterNanos()).isBetween(8 * SEC, 16 * SEC);
    }

    @Test
    void delaysStopAtTheCap() {
        RateLimiter l = limiter();
        long t = SEC;
        long d = l.penalize(5, t, POLICY);
        for (int i = 0; i < 40; i++) {
            d = l.penalize(5, t, POLICY);
        }
        assertThat(d).isBetween(30 * SEC, 60 * SEC + 2 * SEC);
    }

    @Test
    void anIdleClientIsForgiven() {
        RateLimiter l = limiter();
        long t = SEC;
        l.penalize(9, t, POLICY);
        l.penalize(9, t, POLICY);
        t += 10 * SEC; // past the backoff and a full bucket's refill
        assertThat(l.acquire(9, t, POLICY).accepted()).isTrue();
        for (int i = 0; i < 2; i++) {
            l.acquire(9, t, POLICY);
        }
        // Level was reset by the idle period: the next violation starts at the base delay again.
        assertThat(l.acquire(9, t, POLICY).retryAfterNanos()).isBetween(1 * SEC, 2 * SEC);
    }

    @Test
    void memoryStaysFixedWhateverTheNumberOfClients() {
        RateLimiter l = limiter();
        for (long k = 1; k <= 50_000; k++) {
            l.acquire(k * 0x9E3779B97F4A7C15L, SEC, POLICY);
        }
        assertThat(l.tracked()).isLessThanOrEqualTo(1024);
        assertThat(l.memoryBytes()).isEqualTo(1024L * RateLimiter.SLOT_BYTES);
    }

    @Test
    void clearingForgetsEveryone() {
        RateLimiter l = limiter();
        l.penalize(3, SEC, POLICY);
        assertThat(l.backoff(3, SEC, POLICY)).isPositive();
        l.clear(SEC);
        assertThat(l.backoff(3, SEC, POLICY)).isZero();
        assertThat(l.tracked()).isZero();
    }
}
