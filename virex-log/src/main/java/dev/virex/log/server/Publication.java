package dev.virex.log.server;

import dev.virex.core.checkpoint.SignedCheckpoint;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's published checkpoint, which readers see, the size of the integrated tree (tiles
 * durable, checkpoint signed; ahead of the published one while witnesses are asked), and the waits
 * on them: for an entry's publication (receipts) and for the integration backlog to shrink
 * (back-pressure). Waits use a lock and condition rather than monitors so that virtual threads do
 * not pin their carriers.
 */
final class Publication {
    /** A published checkpoint, as served, with its entity tag for conditional requests. */
    record State(SignedCheckpoint checkpoint, String etag) {
        static State of(SignedCheckpoint cp) {
            byte[] h = dev.virex.core.merkle.MerkleHash.leaf(cp.raw()).toArray();
            return new State(cp, "\"" + HexFormat.of().formatHex(h, 0, 16) + "\"");
        }

        long size() {
            return checkpoint.checkpoint().size();
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile State state;
    private volatile String failure;
    private volatile long integrated;
    private volatile boolean lagging;

    Publication(State initial) {
        this.state = initial;
        this.integrated = initial.size();
    }

    /** The size of the integrated tree: its tiles are durable, whether or not it is published yet. */
    long integratedSize() {
        return integrated;
    }

    void integrated(long size) {
        lock.lock();
        try {
            integrated = Math.max(integrated, size);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether publication is behind because a required cosign step (the witness quorum) keeps
     * failing: appends then stop waiting for publication once their entry is integrated.
     */
    boolean lagging() {
        return lagging;
    }

    void lagging(boolean value) {
        lock.lock();
        try {
            lagging = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    State current() {
        return state;
    }

    /** Why the log stopped, or null while it runs. */
    String failure() {
        return failure;
    }

    void publish(State s) {
        lock.lock();
        try {
            state = s;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the log: waiters wake up and every later request is refused. */
    void fail(String reason) {
        lock.lock();
        try {
            if (failure == null) {
                failure = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a checkpoint of at least {@code size} entries is published; false on timeout, on
     * failure, or once the entry is integrated while publication lags.
     */
    boolean awaitSize(long size, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (state.size() < size && failure == null && !(lagging && integrated >= size)) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return state.size() >= size;
        } finally {
            lock.unlock();
        }
    }

    /** Waits while more than {@code max} entries below {@code sequenced} are not yet integrated. */
    void awaitBacklog(long sequenced, int max) throws InterruptedException {
        lock.lock();
        try {
            while (sequenced - integrated > max && failure == null) {
                changed.await(1, TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
