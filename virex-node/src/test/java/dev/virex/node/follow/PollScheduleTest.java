package dev.virex.node.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    @Test
    void waitsAreSpreadWithinTheJitter() {
        PollSchedule s = new PollSchedule(null, () -> { }, Duration.ofMillis(500), 0.2, new SplittableRandom(1), () -> true);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long d = s.nextDelayNanos();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(400_000_000L, 410_000_000L);
        assertThat(max).isBetween(590_000_000L, 600_000_000L);
        assertThatThrownBy(() -> new PollSchedule(null, () -> { }, Duration.ZERO, 0.2, new SplittableRandom(1), () -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(null, () -> { }, Duration.ofSeconds(1), 0.9, new SplittableRandom(1), () -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollsUntilTold() throws Exception {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger polls = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            PollSchedule s = new PollSchedule(exec, () -> {
                polls.incrementAndGet();
                three.countDown();
            }, Duration.ofMillis(50), 0.2, new SplittableRandom(2), () -> polls.get() < 3).start();
            assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
            exec.submit(() -> { }).get();
            s.close();
            exec.shutdown();
            assertThat(exec.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(polls.get()).isEqualTo(3);
        } finally {
            exec.shutdownNow();
        }
    }
}
