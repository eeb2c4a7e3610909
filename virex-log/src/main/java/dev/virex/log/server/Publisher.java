package dev.virex.log.server;

import dev.virex.core.checkpoint.SignedCheckpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a required cosign step (the witness quorum) off the integrator's thread: always on the
 * newest signed checkpoint (older ones waiting are superseded), publishing it once the step
 * succeeds. On failure the previous checkpoint stays published; after an exponential backoff (from
 * {@link #FIRST_RETRY} to {@link #MAX_RETRY}) the newest checkpoint is tried, so slow or absent
 * witnesses are never hammered. A WARN marks the first failure of a streak and every tenth after.
 */
final class Publisher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** Publishes a cosigned checkpoint; fails if it is not the signed one with cosignatures added. */
    @FunctionalInterface
    interface Sink {
        void publish(SignedCheckpoint signed, byte[] cosigned) throws IOException;
    }

    private final CosignStep step;
    private final CosignStep.Proofs proofs;
    private final Sink sink;
    private final Publication publication;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition offered = lock.newCondition();
    private SignedCheckpoint pending;
    private boolean stopped;
    private int failures;

    Publisher(CosignStep step, CosignStep.Proofs proofs, Sink sink, Publication publication) {
        this.step = step;
        this.proofs = proofs;
        this.sink = sink;
        this.publication = publication;
    }

    /** Hands over a newly signed checkpoint; it supersedes any older one not yet published. */
    void offer(SignedCheckpoint cp) {
        lock.lock();
        try {
            if (pending == null || cp.checkpoint().size() >= pending.checkpoint().size()) {
                pending = cp;
            }
            offered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        lock.lock();
        try {
            stopped = true;
            offered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        try {
            SignedCheckpoint cp = next(null, Duration.ZERO);
            while (cp != null) {
                cp = attempt(cp) ? next(null, Duration.ZERO) : next(cp, backoff());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits {@code wait} (only stopping cuts it short), then returns the newest checkpoint offered
     * meanwhile, else {@code failed} to retry it, else waits for an offer; null once stopped.
     */
    private SignedCheckpoint next(SignedCheckpoint failed, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long left = wait.toNanos();
            while (!stopped && left > 0) {
                left = offered.awaitNanos(left);
            }
            while (!stopped && pending == null && failed == null) {
                offered.await();
            }
            if (stopped) {
                return null;
            }
            SignedCheckpoint out = pending != null ? pending : failed;
            pending = null;
            return out;
        } finally {
            lock.unlock();
        }
    }

    private boolean attempt(SignedCheckpoint cp) {
        long size = cp.checkpoint().size();
        try {
            sink.publish(cp, step.cosign(cp, proofs).toArray());
            if (failures > 0) {
                log.info("witness quorum reached for tree size {} after {} failed attempts; publishing again", size, failures);
            }
            failures = 0;
            publication.lagging(false);
            return true;
        } catch (IOException | RuntimeException e) {
            failures++;
            publication.lagging(true);
            if (failures == 1 || failures % 10 == 0) {
                log.warn("checkpoint of tree size {} not published (attempt {}): {}; still serving tree size {}",
                        size, failures, e.getMessage(), publication.current().size());
            }
            return false;
        }
    }

    private Duration backoff() {
        long ms = FIRST_RETRY.toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(ms, MAX_RETRY.toMillis()));
    }

}
