package dev.virex.node.gate;

import dev.virex.core.pow.AbuseParams;
import java.time.Duration;
import java.time.Instant;

/**
 * The mixnode's suggested effort, adjusted once per update period by the AIMD rule of Tor's hs
 * PoW ("Service-side effort control", hspow-spec common protocol), within the effort floor and
 * ceiling the federation decided:
 *
 * <ul>
 *   <li>increase when an entry dropped from the queue had more than the suggested effort, or when
 *       the queue was busy and still holds an entry at or above the suggestion; the new value is
 *       the larger of suggestion + 1 and total effort enqueued / entries handled;
 *   <li>decrease to two thirds when neither holds and the queue is below its low-water mark;
 *   <li>otherwise keep it.
 * </ul>
 *
 * The floor itself is never under the mixnode's control: a scheduled parameter change raises it
 * at its activation time, and the suggestion with it.
 */
public final class EffortController {
    private final Duration period;
    private final int lowWater;
    private long suggested;
    private long totalEffort;
    private long handled;
    private boolean hadQueue;
    private long maxTrimmed;
    private Instant nextUpdate;

    /**
     * @param lowWater queue size counted as "busy" (Tor: what is processed in about a quarter second)
     */
    public EffortController(Duration period, int lowWater, long initial, Instant now) {
        this.period = period;
        this.lowWater = lowWater;
        this.suggested = initial;
        this.nextUpdate = now.plus(period);
    }

    public synchronized void enqueued(long effort, int queueSize) {
        totalEffort += effort;
        if (queueSize > lowWater) {
            hadQueue = true;
        }
    }

    public synchronized void handled() {
        handled++;
    }

    public synchronized void trimmed(long effort) {
        maxTrimmed = Math.max(maxTrimmed, effort);
    }

    /** The suggestion at {@code now}, clamped to the parameters in force; runs due updates first. */
    public synchronized long suggested(Instant now, AbuseParams params, EffortQueue.Snapshot queue) {
        for (int n = 0; !now.isBefore(nextUpdate); n++) {
            if (n == 64) { // after a long quiet pause further decreases change nothing that matters
                nextUpdate = now.plus(period);
                break;
            }
            update(params, queue);
            nextUpdate = nextUpdate.plus(period);
        }
        suggested = clamp(suggested, params);
        return suggested;
    }

    private void update(AbuseParams params, EffortQueue.Snapshot queue) {
        long current = clamp(suggested, params);
        if (maxTrimmed > current || (hadQueue && queue.size() > 0 && queue.maxEffort() >= current)) {
            long average = handled > 0 ? totalEffort / handled : 0;
            suggested = Math.max(current + 1, average);
        } else if (queue.size() < lowWater) {
            suggested = current * 2 / 3;
        }
        suggested = clamp(suggested, params);
        totalEffort = 0;
        handled = 0;
        hadQueue = false;
        maxTrimmed = 0;
    }

    private static long clamp(long v, AbuseParams p) {
        return Math.max(p.effortFloor(), Math.min(p.effortCeiling(), v));
    }
}
