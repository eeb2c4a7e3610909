package dev.virex.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.testkit.DeterministicRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffAndScheduleTest {
    @Test
    void backoffNeverComesBackEarlyAndSpreadsOverOneMoreDelay() {
        Backoff b = new Backoff(new DeterministicRandom("backoff"));
        Duration d = Duration.ofSeconds(3);
        Duration min = Duration.ofDays(1);
        Duration max = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration w = b.waitFor(d);
            assertThat(w).isBetween(d, d.multipliedBy(2));
            min = w.compareTo(min) < 0 ? w : min;
            max = w.compareTo(max) > 0 ? w : max;
        }
        assertThat(min).isLessThan(Duration.ofMillis(3100));
        assertThat(max).isGreaterThan(Duration.ofMillis(5900));
        assertThat(b.waitFor(Duration.ZERO)).isZero();
    }

    @Test
    void poissonGapsHaveTheCoverRateAsMean() {
        PoissonSchedule s = new PoissonSchedule(60, new DeterministicRandom("poisson"));
        assertThat(s.mean()).isEqualTo(Duration.ofSeconds(1));
        int n = 20_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = s.next().toNanos() / 1e9;
            assertThat(g).isNotNegative();
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertThat(mean).isBetween(0.97, 1.03);
        assertThat(var).isBetween(0.9, 1.1); // exponential: variance = mean^2
    }
}
