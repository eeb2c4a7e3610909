package dev.virex.node.follow;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one follower, read by the node's metrics. */
public final class FollowerStats {
    final LongAdder polls = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder entries = new LongAdder();
    final LongAdder anomalies = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder persistFailures = new LongAdder();

    public long polls() {
        return polls.sum();
    }

    /** Committed batches. */
    public long batches() {
        return batches.sum();
    }

    /** Log entries folded. */
    public long entries() {
        return entries.sum();
    }

    /** Well-signed decisions that could not apply (replays, stale times, ...). */
    public long anomalies() {
        return anomalies.sum();
    }

    /** Polls that failed transiently (network, unverifiable answers, no witnessed checkpoint yet). */
    public long failures() {
        return failures.sum();
    }

    public long persistFailures() {
        return persistFailures.sum();
    }
}
