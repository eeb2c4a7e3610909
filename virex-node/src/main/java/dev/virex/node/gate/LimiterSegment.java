package dev.virex.node.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One of the rate limiter's 64 independently locked parts: parallel arrays of client keys,
 * arrival times (100 us ticks) and backoff levels, open addressing with a probe window of
 * {@value RateLimiter#PROBES} slots. See {@link RateLimiter} for the rules.
 */
final class LimiterSegment {
    private final long[] keys;
    private final int[] tat;
    private final byte[] level;
    private final int mask;
    private final SplittableRandom random;
    private int used;

    LimiterSegment(int slots, SplittableRandom random) {
        keys = new long[slots];
        tat = new int[slots];
        level = new byte[slots];
        mask = slots - 1;
        this.random = random;
    }

    synchronized RateLimiter.Outcome acquire(long key, int now, RateLimiter.Policy p) {
        int i = find(key);
        long t = i >= 0 ? tat[i] : now;
        int lvl = i >= 0 ? level[i] : 0;
        if (t - p.tolerance() > now) {
            boolean wasBackingOff = lvl > 0;
            long retry = escalate(i, key, now, t, lvl, p);
            return new RateLimiter.Outcome(false, wasBackingOff, retry * RateLimiter.TICK_NANOS);
        }
        if (t <= now) {
            lvl = 0; // idle long enough for a full bucket: forget past violations
        }
        store(i, key, Math.max(t, now) + p.interval(), lvl, now);
        return RateLimiter.Outcome.ACCEPTED;
    }

    synchronized long backoff(long key, int now, RateLimiter.Policy p) {
        int i = find(key);
        if (i < 0 || level[i] == 0 || tat[i] - p.tolerance() <= now) {
            return 0;
        }
        return escalate(i, key, now, tat[i], level[i], p);
    }

    synchronized long penalize(long key, int now, RateLimiter.Policy p) {
        int i = find(key);
        return escalate(i, key, now, i >= 0 ? tat[i] : now, i >= 0 ? level[i] : 0, p);
    }

    /** Doubles the delay (equal jitter: a uniform draw in [d/2, d]) and pushes the arrival time. */
    private long escalate(int i, long key, int now, long t, int lvl, RateLimiter.Policy p) {
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
        for (int n = 0; n < RateLimiter.PROBES; n++) {
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
        for (int n = 0; n < RateLimiter.PROBES; n++) {
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
