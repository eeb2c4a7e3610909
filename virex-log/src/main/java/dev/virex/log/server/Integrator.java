package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.tlog.Tile;
import dev.virex.core.tlog.TileBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns sequenced batches into signed and published checkpoints. One thread takes every batch
 * waiting (so a slow round absorbs the next ones), appends the entries to the tiled tree, writes
 * the new tiles and bundles crash-safely and signs the checkpoint; then it passes the checkpoint
 * through the cosign step and writes and publishes it, or, for a required step (witnesses), hands
 * it to the {@link Publisher} and goes on. Partial tiles are deleted only once a published
 * checkpoint covers the full tiles that replace them.
 */
final class Integrator implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Integrator.class);
    static final int MAX_ROUND_ENTRIES = 1 << 16;

    private final LogConfig config;
    private final TileStore store;
    private final TileBuilder builder;
    private final Publication publication;
    private final PartialSweeper sweeper;
    private final CosignStep.Proofs proofs;
    private final Publisher publisher;
    private final LinkedBlockingQueue<Sequencer.Batch> queue = new LinkedBlockingQueue<>();
    private static final Sequencer.Batch STOP = new Sequencer.Batch(-1, List.of());

    /** @param proofs consistency proofs within the integrated tree, for the cosign step */
    Integrator(LogConfig config, TileStore store, TileBuilder builder, Publication publication, CosignStep.Proofs proofs) {
        this.config = config;
        this.store = store;
        this.builder = builder;
        this.publication = publication;
        this.sweeper = new PartialSweeper(store);
        this.proofs = proofs;
        this.publisher = config.cosign().required() ? new Publisher(config.cosign(), proofs, this::publishCosigned, publication) : null;
    }

    /** The publisher of a required cosign step (run it on its own thread), or null. */
    Publisher publisher() {
        return publisher;
    }

    void enqueue(Sequencer.Batch b) {
        queue.add(b);
    }

    void stop() {
        queue.add(STOP);
    }

    @Override
    public void run() {
        try {
            long lastRound = System.nanoTime() - config.checkpointInterval().toNanos();
            while (true) {
                List<Sequencer.Batch> round = new ArrayList<>();
                round.add(queue.take());
                int n = round.get(0).entries().size();
                // Coalesce: at most one round (one checkpoint, one set of tile fsyncs) per interval.
                long deadline = lastRound + config.checkpointInterval().toNanos();
                while (n < MAX_ROUND_ENTRIES && round.get(round.size() - 1) != STOP) {
                    long left = deadline - System.nanoTime();
                    Sequencer.Batch b = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (b == null) {
                        break;
                    }
                    round.add(b);
                    n += b.entries().size();
                }
                lastRound = System.nanoTime();
                boolean stop = round.remove(STOP);
                if (!round.isEmpty()) {
                    integrate(round);
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.error("integrator: cannot write tiles or checkpoint; the log stops", e);
            publication.fail("integration failed: " + e.getMessage());
        }
    }

    /**
     * Integrates batches (in index order), signs the checkpoint that covers them, and publishes it
     * through the cosign step: inline for an optional step, by the publisher for a required one.
     */
    void integrate(List<Sequencer.Batch> round) throws IOException {
        long from = builder.size();
        for (Sequencer.Batch b : round) {
            if (b.first() != builder.size()) {
                throw new IllegalStateException("batch at " + b.first() + " does not follow tree size " + builder.size());
            }
            for (Admission.Admitted e : b.entries()) {
                builder.append(e.entry(), e.leafHash());
            }
        }
        List<Tile> tiles = builder.flush();
        store.write(tiles);
        sweeper.record(builder.size(), tiles);
        SignedCheckpoint own = sign();
        publication.integrated(own.checkpoint().size());
        if (publisher != null) {
            publisher.offer(own);
        } else {
            publishInline(own);
        }
        log.debug("integrated {} entries, tree size {}", builder.size() - from, builder.size());
    }

    /** Signs the current tree with the log key. */
    SignedCheckpoint sign() {
        Checkpoint cp = new Checkpoint(config.origin(), builder.size(), builder.root());
        Note note = Note.sign(cp.text(), config.signer());
        // Signed here by the log key, whose verifier was checked against the stored checkpoint at
        // start: no need to verify it again on every round.
        return new SignedCheckpoint(cp, new VerifiedNote(note, note.signatures(), List.of()), Bytes.wrap(note.encode()));
    }

    /** An optional cosign step: its result if it is sound, else the log-signed note alone. */
    private void publishInline(SignedCheckpoint own) throws IOException {
        SignedCheckpoint out = own;
        try {
            out = checked(own, config.cosign().cosign(own, proofs).toArray());
        } catch (IOException | RuntimeException e) {
            log.warn("cosign step failed for tree size {}; publishing the log-signed checkpoint alone: {}",
                    own.checkpoint().size(), e.getMessage());
        }
        publish(out);
    }

    /** The publisher's sink: publishes {@code cosigned} if it is {@code own} with signatures added. */
    void publishCosigned(SignedCheckpoint own, byte[] cosigned) throws IOException {
        publish(checked(own, cosigned));
    }

    private SignedCheckpoint checked(SignedCheckpoint own, byte[] published) throws IOException {
        if (java.util.Arrays.equals(published, own.raw().toArray())) {
            return own;
        }
        SignedCheckpoint cosigned = open(published);
        if (!cosigned.checkpoint().equals(own.checkpoint())) {
            throw new IOException("the cosign step changed the checkpoint text");
        }
        return cosigned;
    }

    void publish(SignedCheckpoint cp) throws IOException {
        store.writeCheckpoint(cp.raw().toArray());
        publication.publish(Publication.State.of(cp));
        sweeper.sweep(cp.checkpoint().size());
    }

    private SignedCheckpoint open(byte[] note) throws IOException {
        try {
            return SignedCheckpoint.open(note, config.origin(), config.verifier());
        } catch (NoteException | CheckpointFormatException e) {
            throw new IOException("checkpoint does not verify with the log key: " + e.getMessage(), e);
        }
    }
}
