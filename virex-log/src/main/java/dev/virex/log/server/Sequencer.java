package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.log.LogException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives admitted entries their indexes, by group commit: one leader at a time takes the queued
 * appends in a batch (up to {@code maxBatch}, waiting at most {@code maxBatchDelay} for it to
 * fill), answers duplicates with their existing index, appends the new entries to the journal with
 * one fsync and only then acknowledges them: an acknowledged entry is durably sequenced. The batch
 * then goes to the integrator. Entries queued meanwhile form the next batch.
 *
 * <p>A caller that waits for its entries ({@link #sequence}) leads itself when no one else does,
 * saving two thread hand-offs per batch; it stops leading once its own entries are sequenced and
 * passes on to the sequencer thread, which leads whenever entries wait and no caller does.
 */
final class Sequencer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    /** The answer to one append: its index, and whether the entry was already in the log. */
    record Sequenced(long index, boolean duplicate) {}

    /** A journaled batch handed to the integrator: entries {@code first ...}, with leaf hashes. */
    record Batch(long first, List<Admission.Admitted> entries) {}

    private record Request(Admission.Admitted entry, CompletableFuture<Sequenced> done) {}

    private final Journal journal;
    private final AntispamIndex antispam;
    private final AntispamIndex.LeafHashes leafHashes;
    private final Bytes[] inFlight; // leaf hashes of sequenced, unintegrated entries, by index modulo length
    private final Publication publication;
    private final Consumer<Batch> integrator;
    private final LogConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean leading; // guarded by lock: someone is forming and journaling batches
    private volatile boolean closed;
    private long next; // touched by the leader only; leadership passes under the lock

    Sequencer(LogConfig config, Journal journal, AntispamIndex antispam, AntispamIndex.LeafHashes published,
              Publication publication, Consumer<Batch> integrator) {
        this.config = config;
        this.journal = journal;
        this.antispam = antispam;
        this.publication = publication;
        this.integrator = integrator;
        this.next = journal.end();
        // The backlog bound keeps every unintegrated entry within the ring, which only the leader
        // reads and writes. An entry below the integrated size is read from the tiles.
        this.inFlight = new Bytes[Integer.highestOneBit(config.maxBacklog()) * 2];
        this.leafHashes = i -> i >= publication.integratedSize()
                ? inFlight[(int) (i & (inFlight.length - 1))]
                : published.leafHash(i);
    }

    /** Queues entries; the sequencer thread journals them. */
    List<CompletableFuture<Sequenced>> submit(List<Admission.Admitted> entries) throws LogException {
        return enqueue(entries, false);
    }

    /** Queues entries and returns once they are sequenced, leading the group commit if no one is. */
    List<CompletableFuture<Sequenced>> sequence(List<Admission.Admitted> entries) throws LogException {
        List<CompletableFuture<Sequenced>> mine = enqueue(entries, true);
        if (leadingFor(mine)) {
            lead(mine.get(mine.size() - 1));
        }
        return mine;
    }

    private boolean leadingFor(List<CompletableFuture<Sequenced>> mine) {
        lock.lock();
        try {
            if (leading || mine.get(mine.size() - 1).isDone()) {
                return false;
            }
            leading = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private List<CompletableFuture<Sequenced>> enqueue(List<Admission.Admitted> entries, boolean caller) throws LogException {
        lock.lock();
        try {
            if (closed || publication.failure() != null) {
                throw new LogException(LogException.Kind.UNAVAILABLE, "the log is not accepting entries"
                        + (publication.failure() != null ? ": " + publication.failure() : ""));
            }
            if (queue.size() + entries.size() > config.maxQueue()) {
                throw new LogException(LogException.Kind.BUSY, "the log is busy: " + queue.size() + " entries queued",
                        Optional.of(Duration.ofSeconds(1)));
            }
            List<CompletableFuture<Sequenced>> out = new ArrayList<>(entries.size());
            for (Admission.Admitted e : entries) {
                CompletableFuture<Sequenced> f = new CompletableFuture<>();
                queue.add(new Request(e, f));
                out.add(f);
            }
            if (!caller || leading) {
                queued.signalAll();
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The sequencer thread: leads whenever entries wait and no caller leads; exits once closed. */
    @Override
    public void run() {
        lock.lock();
        try {
            while (!closed || leading) {
                if (closed || queue.isEmpty() || leading) {
                    queued.await();
                    continue;
                }
                leading = true;
                lock.unlock();
                try {
                    lead(null);
                } finally {
                    lock.lock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        failQueued();
    }

    /**
     * Forms and journals batches until the queue is empty or, for a calling leader, until its own
     * last entry ({@code until}) is sequenced; then steps down.
     */
    private void lead(CompletableFuture<Sequenced> until) {
        try {
            while (until == null || !until.isDone()) {
                List<Request> batch = take();
                if (batch.isEmpty()) {
                    break;
                }
                process(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.error("sequencer: journal write failed; the log stops accepting entries", e);
            publication.fail("journal write failed: " + e.getMessage());
            close();
        } finally {
            lock.lock();
            try {
                leading = false;
                queued.signalAll(); // the sequencer thread takes over what is left
            } finally {
                lock.unlock();
            }
        }
    }

    private List<Request> take() throws InterruptedException {
        lock.lock();
        try {
            long left = config.maxBatchDelay().toNanos();
            while (!queue.isEmpty() && queue.size() < config.maxBatch() && left > 0 && !closed) {
                left = queued.awaitNanos(left);
            }
            List<Request> batch = new ArrayList<>(Math.min(queue.size(), config.maxBatch()));
            while (!queue.isEmpty() && batch.size() < config.maxBatch()) {
                batch.add(queue.poll());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void process(List<Request> batch) throws IOException, InterruptedException {
        try {
            publication.awaitBacklog(next, config.maxBacklog() - batch.size());
        } catch (InterruptedException e) {
            requeue(batch);
            throw e;
        }
        try {
            journalAndAnswer(batch);
        } catch (IOException | RuntimeException e) {
            fail(batch); // nothing of this batch was acknowledged
            throw e;
        }
    }

    private void journalAndAnswer(List<Request> batch) throws IOException {
        journal.deleteIntegrated(publication.current().size());
        long first = next;
        List<Admission.Admitted> fresh = new ArrayList<>(batch.size());
        List<Sequenced> answers = new ArrayList<>(batch.size());
        for (Request r : batch) {
            Bytes leaf = r.entry().leafHash();
            long existing = antispam.find(leaf, leafHashes);
            if (existing >= 0) {
                answers.add(new Sequenced(existing, true));
                continue;
            }
            long index = first + fresh.size();
            antispam.put(leaf, index);
            inFlight[(int) (index & (inFlight.length - 1))] = leaf;
            fresh.add(r.entry());
            answers.add(new Sequenced(index, false));
        }
        if (!fresh.isEmpty()) {
            journal.append(fresh.stream().map(Admission.Admitted::entry).toList());
            next = first + fresh.size();
            integrator.accept(new Batch(first, fresh));
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(answers.get(i));
        }
    }

    private void requeue(List<Request> batch) {
        lock.lock();
        try {
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.addFirst(batch.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    private static void fail(List<Request> batch) {
        LogException e = new LogException(LogException.Kind.UNAVAILABLE, "the journal write failed; the entry was not logged");
        batch.forEach(r -> r.done().completeExceptionally(e));
    }

    private void failQueued() {
        lock.lock();
        try {
            closed = true;
            LogException e = new LogException(LogException.Kind.UNAVAILABLE, "the log stopped before sequencing the entry");
            queue.forEach(r -> r.done().completeExceptionally(e));
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking entries: a batch being journaled completes; entries still queued are refused
     * (they were never acknowledged); the sequencer thread exits.
     */
    void close() {
        lock.lock();
        try {
            closed = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
