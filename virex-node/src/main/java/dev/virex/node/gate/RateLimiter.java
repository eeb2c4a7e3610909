package dev.virex.node.gate;

import dev.virex.core.pow.AbuseParams;
import java.security.SecureRandom;
import java.util.Arrays;
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

    private final Segment[] segments;
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
        this.segments = new Segment[1 << SEGMENT_BITS];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(capacity >> SEGMENT_BITS, new SplittableRandom(random.nextLong()));
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
        for (Segment s : segments) {
            s.clear();
        }
        baseNanos = nowNanos;
    }

    public int tracked() {
        int n = 0;
        for (Segment s : segments) {
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

    private Segment segment(long key) {
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

    private static final class Segment {
        private final long[] keys;
        private final int[] tat;
        private final byte[] level;
        private final int mask;
        private final SplittableRandom random;
        private int used;

        Segment(int slots, SplittableRandom random) {
            keys = new long[slots];
            tat = new int[slots];
            level = new byte[slots];
            mask = slots - 1;
            this.random = random;
        }

        synchronized Outcome acquire(long key, int now, Policy p) {
            int i = find(key);
            long t = i >= 0 ? tat[i] : now;
            int lvl = i >= 0 ? level[i] : 0;
            if (t - p.tolerance() > now) {
                boolean wasBackingOff = lvl > 0;
                long retry = escalate(i, key, now, t, lvl, p);
                return new Outcome(false, wasBackingOff, retry * TICK_NANOS);
            }
            if (t <= now) {
                lvl = 0; // idle long enough for a full bucket: forget past violations
            }
            store(i, key, Math.max(t, now) + p.interval(), lvl, now);
            return Outcome.ACCEPTED;
        }

        synchronized long backoff(long key, int now, Policy p) {
            int i = find(key);
            if (i < 0 || level[i] == 0 || tat[i] - p.tolerance() <= now) {
                return 0;
            }
            return escalate(i, key, now, tat[i], level[i], p);
        }

        synchronized long penalize(long key, int now, Policy p) {
            int i = find(key);
            return escalate(i, key, now, i >= 0 ? tat[i] : now, i >= 0 ? level[i] : 0, p);
        }

        /** Doubles the delay (equal jitter: a uniform draw in [d/2, d]) and pushes the arrival time. */
        private long escalate(int i, long key, int now, long t, int lvl, Policy p) {
            int next = Math.min(lvl + 1, 40);
            int shift = next - 1; // base and cap are below 2^30 ticks, so shifts up to 32 cannot overflow
            long d = shift > 32 ? p.backoffCap() : Math.min(p.backoffCap(), p.backoffBase() << shift);
            long delay = d - random.nextLong(d / 2 + 1);
            long newTat = Math.max(t, now + p.tolerance() + delay);
            store(i, key, newTat, next, now);
            return newTat - p.tolerance() - now;
        }

        private int find(long key) {
            int h = (int) key & mask;
            for (int n = 0; n < PROBES; n++) {
                int j = (h + n) & mask;
                if (keys[j] == key) {
                    return j;
                }
                if (keys[j] == 0) {
                    return -1;
                }
            }
            return -1;
        }

        private void store(int i, long key, long newTat, int lvl, int now) {
            if (i < 0) {
                i = slotFor(key, now);
            }
            tat[i] = (int) Math.min(newTat, Integer.MAX_VALUE);
            level[i] = (byte) lvl;
        }

        /** An empty slot in the probe window, else the idlest one (smallest arrival time) replaced. */
        private int slotFor(long key, int now) {
            int h = (int) key & mask;
            int victim = h;
            for (int n = 0; n < PROBES; n++) {
                int j = (h + n) & mask;
                if (keys[j] == 0) {
                    keys[j] = key;
                    used++;
                    return j;
                }
                if (tat[j] < tat[victim]) {
                    victim = j;
                }
            }
            keys[victim] = key;
            return victim;
        }

        synchronized void clear() {
            Arrays.fill(keys, 0);
            Arrays.fill(tat, 0);
            Arrays.fill(level, (byte) 0);
            used = 0;
        }

        synchronized int used() {
            return used;
        }
    }
}
