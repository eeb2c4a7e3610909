package dev.virex.node.gate;

import dev.virex.core.pow.AbuseParams;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Per-client rate limits with exponential backoff, memory-bounded for millions of clients: GCRA
 * (the generic cell rate algorithm, a token bucket kept as one "theoretical arrival time") in a
 * fixed-size open-addressing table. A slot is 13 bytes (8-byte client key, 4-byte arrival time in
 * 100 µs ticks, 1-byte backoff level), nothing is allocated per client, and the table never grows.
 *
 * <p>Backoff shares the arrival time: a violation pushes it forward by the backoff delay, so a
 * client that waits is served again with one token and recovers gradually, and one that does not
 * wait finds its delay doubled (up to the cap, with equal jitter). The level is forgotten once the
 * client has been idle long enough for its bucket to refill.
 *
 * <p>When a probe window (16 slots) is full, the idlest entry is replaced: an idle entry is
 * equivalent to no entry, and otherwise the loss only loosens one client's limit.
 */
public final class RateLimiter {
    public static final long TICK_NANOS = 100_000;
    /** Bytes per slot: key, arrival time, level. */
    public static final int SLOT_BYTES = 8 + 4 + 1;
    static final int PROBES = 16;
    private static final int SEGMENT_BITS = 6;
    /** The table is cleared before tick values could overflow an int (about 15 hours). */
    static final long MAX_TICKS = 1L << 29;

    /** GCRA parameters in ticks: emission interval T, burst tolerance (burst - 1) * T, backoff base and cap. */
    public record Policy(long interval, long tolerance, long backoffBase, long backoffCap) {
        public static Policy of(AbuseParams p) {
            long t = Math.max(1, 600_000L / p.ratePerMinute());
            long tol = Math.min((p.burst() - 1) * t, 1L << 28);
            long base = Math.max(1, p.backoffBase().toNanos() / TICK_NANOS);
            long cap = Math.max(base, p.backoffCap().toNanos() / TICK_NANOS);
            return new Policy(t, tol, base, cap);
        }
    }

    /** Accepted, or rejected (as a backoff violation or a plain rate violation) with the delay to wait. */
    public record Outcome(boolean accepted, boolean inBackoff, long retryAfterNanos) {
        static final Outcome ACCEPTED = new Outcome(true, false, 0);
    }

    private final LimiterSegment[] segments;
    private final int capacity;
    private volatile long baseNanos;

    /**
     * @param capacity slots in total, a power of two of at least 1024; size it at about twice the
     *     number of clients expected per epoch
     */
    public RateLimiter(int capacity, SecureRandom random, long nowNanos) {
        if (capacity < 1024 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 1024");
        }
        this.capacity = capacity;
        this.segments = new LimiterSegment[1 << SEGMENT_BITS];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new LimiterSegment(capacity >> SEGMENT_BITS, new SplittableRandom(random.nextLong()));
        }
        this.baseNanos = nowNanos;
    }

    /** GCRA decision for one message of client {@code key}. */
    public Outcome acquire(long key, long nowNanos, Policy p) {
        int now = ticks(nowNanos);
        return segment(key).acquire(key == 0 ? 1 : key, now, p);
    }

    /**
     * If the client is backing off (told to wait and has not), escalates and answers the new delay
     * in nanoseconds; otherwise 0. The cheap first check of the gate.
     */
    public long backoff(long key, long nowNanos, Policy p) {
        return segment(key).backoff(key == 0 ? 1 : key, ticks(nowNanos), p) * TICK_NANOS;
    }

    /** Records a violation (an invalid solution, a replay): escalates and answers the delay in ns. */
    public long penalize(long key, long nowNanos, Policy p) {
        return segment(key).penalize(key == 0 ? 1 : key, ticks(nowNanos), p) * TICK_NANOS;
    }

    /** Forgets every client (at each epoch, when the client keys rotate). */
    public void clear(long nowNanos) {
        for (LimiterSegment s : segments) {
            s.clear();
        }
        baseNanos = nowNanos;
    }

    public int tracked() {
        int n = 0;
        for (LimiterSegment s : segments) {
            n += s.used();
        }
        return n;
    }

    public int capacity() {
        return capacity;
    }

    /** The table's size in bytes, fixed at construction. */
    public long memoryBytes() {
        return (long) capacity * SLOT_BYTES;
    }

    private LimiterSegment segment(long key) {
        return segments[(int) (key >>> (64 - SEGMENT_BITS))];
    }

    private int ticks(long nowNanos) {
        long t = (nowNanos - baseNanos) / TICK_NANOS;
        if (t >= MAX_TICKS || t < 0) {
            synchronized (this) {
                if ((nowNanos - baseNanos) / TICK_NANOS >= MAX_TICKS || nowNanos < baseNanos) {
                    clear(nowNanos);
                }
            }
            t = Math.max(0, (nowNanos - baseNanos) / TICK_NANOS);
        }
        return (int) t;
    }
}
