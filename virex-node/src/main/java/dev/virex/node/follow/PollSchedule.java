package dev.virex.node.follow;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a poll again and again on a scheduler, each wait drawn uniformly from
 * {@code interval x [1 - jitter, 1 + jitter]} so that thousands of nodes do not hit the log in
 * step; the first poll comes after a uniform wait in {@code [0, interval)}. Stops when closed or
 * when {@code keepGoing} turns false (e.g. after an alarm).
 */
public final class PollSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollSchedule.class);
    public static final double MAX_JITTER = 0.5;

    private final ScheduledExecutorService exec;
    private final Runnable poll;
    private final long intervalNanos;
    private final double jitter;
    private final RandomGenerator random;
    private final BooleanSupplier keepGoing;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> next;

    public PollSchedule(ScheduledExecutorService exec, Runnable poll, Duration interval, double jitter, RandomGenerator random,
                        BooleanSupplier keepGoing) {
        if (interval.isNegative() || interval.isZero() || jitter < 0 || jitter > MAX_JITTER) {
            throw new IllegalArgumentException("poll interval must be positive, jitter 0 to " + MAX_JITTER);
        }
        this.exec = exec;
        this.poll = poll;
        this.intervalNanos = interval.toNanos();
        this.jitter = jitter;
        this.random = random;
        this.keepGoing = keepGoing;
    }

    public PollSchedule start() {
        schedule((long) (random.nextDouble() * intervalNanos));
        return this;
    }

    /** The next wait: the interval scaled by a uniform factor in [1 - jitter, 1 + jitter]. */
    long nextDelayNanos() {
        return (long) (intervalNanos * (1 + jitter * (2 * random.nextDouble() - 1)));
    }

    private void schedule(long delayNanos) {
        if (closed || !keepGoing.getAsBoolean()) {
            return;
        }
        try {
            next = exec.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("poll scheduler shut down");
        }
    }

    private void run() {
        try {
            poll.run();
        } catch (RuntimeException e) {
            log.error("poll failed unexpectedly", e);
        }
        schedule(nextDelayNanos());
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }
}
