package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.tlog.TileNodeReader;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.Tiles;
import dev.virex.core.tlog.TlogProof;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VIREX transparency log: an RFC 9162 Merkle tree stored as C2SP tlog-tiles files, grown by a
 * batching sequencer (durable journal first, acknowledgement after) and an integrator (tiles,
 * then a signed checkpoint). Opening it runs {@link Recovery}. One process per data directory.
 */
public final class TiledLog implements TransparencyLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TiledLog.class);

    private final LogConfig config;
    private final Admission admission;
    private final TileStore store;
    private final Publication publication;
    private final Sequencer sequencer;
    private final Integrator integrator;
    private final Journal journal;
    private final FileChannel lockChannel;
    private final Thread sequencerThread;
    private final Thread integratorThread;
    private final Thread publisherThread;

    private TiledLog(LogConfig config, TileStore store, FileChannel lockChannel, Recovery.State state) throws IOException {
        this.config = config;
        this.admission = new Admission(config.federation());
        this.store = store;
        this.lockChannel = lockChannel;
        this.journal = state.journal();
        this.publication = new Publication(Publication.State.of(state.checkpoint()));
        this.sequencer = new Sequencer(config, journal, state.antispam(), this::integratedLeafHash, publication, this::toIntegrator);
        this.integrator = new Integrator(config, store, state.builder(), publication,
                (size1, size2) -> MerkleProofs.consistency(new TileNodeReader(store, size2), size1, size2));
        Publisher publisher = integrator.publisher();
        this.publisherThread = publisher == null ? null : Thread.ofPlatform().name("virex-log-publisher").daemon().start(publisher);
        if (publisher != null && state.tail().isEmpty()) {
            publisher.offer(state.checkpoint()); // witnesses cosign the tree served now, again if need be
        }
        if (!state.tail().isEmpty()) {
            long first = state.checkpoint().checkpoint().size();
            List<Admission.Admitted> tail = state.tail().stream().map(Admission.Admitted::of).toList();
            for (int i = 0; i < tail.size(); i++) {
                state.antispam().put(tail.get(i).leafHash(), first + i);
            }
            integrator.integrate(List.of(new Sequencer.Batch(first, tail)));
        }
        this.integratorThread = Thread.ofPlatform().name("virex-log-integrator").daemon().start(integrator);
        this.sequencerThread = Thread.ofPlatform().name("virex-log-sequencer").daemon().start(sequencer);
    }

    private void toIntegrator(Sequencer.Batch b) {
        integrator.enqueue(b);
    }

    /** Opens (or creates) the log in {@code config.dir()}, recovering from any earlier crash. */
    public static TiledLog open(LogConfig config) throws IOException {
        Files.createDirectories(config.stateDir());
        FileChannel lock = FileChannel.open(config.stateDir().resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = lock.tryLock();
            if (l == null) {
                throw new LogStateException("another process is running the log in " + config.dir());
            }
        } catch (OverlappingFileLockException e) {
            lock.close();
            throw new LogStateException("the log in " + config.dir() + " is already open in this process");
        } catch (IOException e) {
            lock.close();
            throw e;
        }
        try {
            TileStore store = new TileStore(config.dir(), config.cacheBytes());
            TiledLog tl = new TiledLog(config, store, lock, Recovery.run(config, store));
            log.info("log {} open in {} at tree size {}", config.origin(), config.dir(), tl.size());
            return tl;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public String origin() {
        return config.origin();
    }

    /** The size of the integrated tree: durable tiles, signed; published once witnessed. */
    public long integratedSize() {
        return publication.integratedSize();
    }

    /** The size of the published tree. */
    public long size() {
        return publication.current().size();
    }

    /** The published checkpoint, verified. */
    public SignedCheckpoint signedCheckpoint() {
        return publication.current().checkpoint();
    }

    @Override
    public Bytes checkpoint() {
        return publication.current().checkpoint().raw();
    }

    @Override
    public Bytes tile(TilePath path) throws IOException, LogException {
        if (!Tiles.covers(size(), path)) {
            throw new LogException(LogException.Kind.NOT_FOUND, "the published tree has no " + path);
        }
        try {
            return store.read(path);
        } catch (NoSuchFileException e) {
            throw new LogException(LogException.Kind.NOT_FOUND, "no " + path);
        }
    }

    /**
     * Queues an admitted entry; the future completes with its index once it is durably sequenced
     * (the existing index for a duplicate).
     */
    public CompletableFuture<Long> append(Admission.Admitted entry) throws LogException {
        return sequencer.submit(List.of(entry)).get(0).thenApply(Sequencer.Sequenced::index);
    }

    /**
     * Appends admitted entries and returns their indexes once all are durably sequenced, leading
     * the group commit on this thread when no one else does.
     */
    public long[] appendAll(List<Admission.Admitted> entries) throws IOException, LogException {
        List<CompletableFuture<Sequencer.Sequenced>> acks = sequencer.sequence(entries);
        long[] out = new long[acks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = await(acks.get(i)).index();
        }
        return out;
    }

    private static Sequencer.Sequenced await(CompletableFuture<Sequencer.Sequenced> f) throws IOException, LogException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException(LogException.Kind.UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LogException le) {
                throw le;
            }
            throw new IOException("sequencing failed", e.getCause());
        }
    }

    @Override
    public AddResult add(Bytes entry) throws IOException, LogException {
        Admission.Admitted admitted = admission.admit(entry);
        Sequencer.Sequenced s = await(sequencer.sequence(List.of(admitted)).get(0));
        try {
            if (!publication.awaitSize(s.index() + 1, config.integrationWait())) {
                return new AddResult(s.index(), s.duplicate(), Optional.empty());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException(LogException.Kind.UNAVAILABLE, "interrupted");
        }
        return new AddResult(s.index(), s.duplicate(), Optional.of(receipt(s.index())));
    }

    @Override
    public InclusionProof inclusionProof(long index, long size) throws IOException, LogException {
        long current = requireSize(size);
        if (index < 0 || index >= size) {
            throw new LogException(LogException.Kind.MALFORMED, "index " + index + " is not below tree size " + size);
        }
        return MerkleProofs.inclusion(new TileNodeReader(store, current), index, size);
    }

    @Override
    public ConsistencyProof consistencyProof(long size1, long size2) throws IOException, LogException {
        long current = requireSize(size2);
        if (size1 < 1 || size1 > size2) {
            throw new LogException(LogException.Kind.MALFORMED, "consistency needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        return MerkleProofs.consistency(new TileNodeReader(store, current), size1, size2);
    }

    @Override
    public TlogProof receipt(long index) throws IOException, LogException {
        Publication.State p = publication.current();
        if (index < 0 || index >= p.size()) {
            throw new LogException(LogException.Kind.NOT_FOUND, "entry " + index + " is not in the published tree of size " + p.size());
        }
        InclusionProof proof = MerkleProofs.inclusion(new TileNodeReader(store, p.size()), index, p.size());
        return TlogProof.of(proof, p.checkpoint());
    }

    private long requireSize(long size) throws LogException {
        long current = size();
        if (size < 1) {
            throw new LogException(LogException.Kind.MALFORMED, "tree size must be positive");
        }
        if (size > current) {
            throw new LogException(LogException.Kind.CONFLICT, "tree size " + size + " is beyond the published size " + current);
        }
        return current;
    }

    private Bytes integratedLeafHash(long index) throws IOException {
        return new TileNodeReader(store, publication.integratedSize()).node(0, index);
    }

    @Override
    public void close() throws IOException {
        sequencer.close();
        try {
            sequencerThread.join();
            integrator.stop();
            integratorThread.join();
            if (publisherThread != null) {
                integrator.publisher().stop();
                publisherThread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publication.fail("the log is closed");
            journal.close();
            lockChannel.close();
            log.info("log {} closed at tree size {}", config.origin(), size());
        }
    }
}
