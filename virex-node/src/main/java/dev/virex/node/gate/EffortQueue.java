package dev.virex.node.gate;

import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The overload queue between the gate and the workers, as Tor's introduction priority queue: the
 * highest effort is served first, the oldest among equals; when full, the lowest-effort entry is
 * dropped to make room for a higher one (or the newcomer is refused if it is not higher).
 */
public final class EffortQueue<T> {
    /** One queued item. */
    public record Entry<T>(long effort, long seq, T value) {}

    /** The result of an offer: the entry that did not fit (the newcomer or an evicted one), if any. */
    public record Offer<T>(Optional<Entry<T>> dropped) {
        public boolean queued(Entry<T> e) {
            return dropped.map(d -> d != e).orElse(true);
        }
    }

    private static final Comparator<Entry<?>> ORDER = Comparator.<Entry<?>>comparingLong(Entry::effort).reversed()
            .thenComparingLong(Entry::seq);

    private final TreeSet<Entry<T>> entries = new TreeSet<>(ORDER);
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long seq;
    private boolean closed;

    public EffortQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public Offer<T> offer(long effort, T value) {
        lock.lock();
        try {
            Entry<T> e = new Entry<>(effort, seq++, value);
            if (entries.size() < capacity) {
                entries.add(e);
                notEmpty.signal();
                return new Offer<>(Optional.empty());
            }
            Entry<T> lowest = entries.last();
            if (lowest.effort() >= effort) {
                return new Offer<>(Optional.of(e));
            }
            entries.pollLast();
            entries.add(e);
            return new Offer<>(Optional.of(lowest));
        } finally {
            lock.unlock();
        }
    }

    /** The highest-effort entry, waiting up to {@code timeout}; empty on timeout or when closed. */
    public Optional<Entry<T>> poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (entries.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return Optional.ofNullable(entries.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    /** Size and highest effort queued, for the effort controller. */
    public record Snapshot(int size, long maxEffort) {}

    public Snapshot snapshot() {
        lock.lock();
        try {
            return new Snapshot(entries.size(), entries.isEmpty() ? 0 : entries.first().effort());
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Wakes waiting workers; later polls answer what is left, then empty. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
