package dev.virex.node.follow;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a follower's state through a {@link StateStore} on the given executor, coalescing: when
 * writes fall behind, only the newest pending state is written. {@link #flush()} writes whatever
 * is pending on the calling thread (at shutdown).
 */
final class StatePersister {
    private static final Logger log = LoggerFactory.getLogger(StatePersister.class);

    private final StateStore store;
    private final Executor executor;
    private final LongAdder failures;
    private final AtomicReference<FollowerState> pending = new AtomicReference<>();

    StatePersister(StateStore store, Executor executor, LongAdder failures) {
        this.store = store;
        this.executor = executor;
        this.failures = failures;
    }

    StateStore store() {
        return store;
    }

    void submit(FollowerState state) {
        if (pending.getAndSet(state) == null) {
            try {
                executor.execute(this::flush);
            } catch (RejectedExecutionException e) {
                flush();
            }
        }
    }

    /** Writes the pending state, if any, now. */
    synchronized void flush() {
        FollowerState s = pending.getAndSet(null);
        if (s == null) {
            return;
        }
        try {
            store.save(s);
        } catch (IOException e) {
            failures.increment();
            log.error("cannot persist the node state in {}: {}", store.dir(), e.toString());
        }
    }
}
