package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.log.LogException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives admitted entries their indexes. One thread takes queued appends in batches (up to
 * {@code maxBatch}, waiting at most {@code maxBatchDelay} for a batch to fill), answers duplicates
 * with their existing index, appends the new entries to the journal with one fsync and only then
 * acknowledges them: an acknowledged entry is durably sequenced. The batch then goes to the
 * integrator.
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
    private final Bytes[] inFlight; // leaf hashes of sequenced, unpublished entries, by index modulo length
    private final Publication publication;
    private final Consumer<Batch> integrator;
    private final LogConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private volatile boolean closed;
    private long next;

    Sequencer(LogConfig config, Journal journal, AntispamIndex antispam, AntispamIndex.LeafHashes published,
              Publication publication, Consumer<Batch> integrator) {
        this.config = config;
        this.journal = journal;
        this.antispam = antispam;
        this.publication = publication;
        this.integrator = integrator;
        this.next = journal.end();
        // The backlog bound keeps every unpublished entry within the ring; only this thread
        // writes and reads it. An entry below the published size is read from the tiles.
        this.inFlight = new Bytes[Integer.highestOneBit(config.maxBacklog()) * 2];
        this.leafHashes = i -> i >= publication.current().size()
                ? inFlight[(int) (i & (inFlight.length - 1))]
                : published.leafHash(i);
    }

    CompletableFuture<Sequenced> submit(Admission.Admitted entry) throws LogException {
        lock.lock();
        try {
            if (closed || publication.failure() != null) {
                throw new LogException(LogException.Kind.UNAVAILABLE, "the log is not accepting entries"
                        + (publication.failure() != null ? ": " + publication.failure() : ""));
            }
            if (queue.size() >= config.maxQueue()) {
                throw new LogException(LogException.Kind.BUSY, "the log is busy: " + queue.size() + " entries queued",
                        java.util.Optional.of(Duration.ofSeconds(1)));
            }
            CompletableFuture<Sequenced> f = new CompletableFuture<>();
            queue.add(new Request(entry, f));
            queued.signal();
            return f;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<Request> batch = take();
                if (batch == null) {
                    return;
                }
                process(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.error("sequencer: journal write failed; the log stops accepting entries", e);
            publication.fail("journal write failed: " + e.getMessage());
        } finally {
            failQueued();
        }
    }

    private List<Request> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                queued.await();
            }
            long left = config.maxBatchDelay().toNanos();
            while (queue.size() < config.maxBatch() && left > 0 && !closed) {
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
        publication.awaitBacklog(next, config.maxBacklog() - batch.size());
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
