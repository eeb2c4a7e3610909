package dev.virex.log.client;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.CompactRange;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TileNodeReader;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TileReader;
import dev.virex.core.tlog.Tiles;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows a tlog-tiles log from a trusted point and hands out verified batches of new entries, in
 * order and never partially: every checkpoint's signature is checked, every new checkpoint must be
 * consistent with the last one (else {@link SplitViewException}), and every batch of entries is
 * proven to be the next entries of the signed tree before it is returned. Nodes fold the batches
 * into their routing tables; auditors recompute state from them.
 *
 * <p>State to persist between runs: {@link #checkpoint()} (its raw bytes) and {@link #nextIndex()};
 * {@link #resume} picks up from them. Not thread-safe.
 */
public final class LogFollower {
    /** Entries {@code [firstIndex, firstIndex + entries.size())} of the tree signed by {@code checkpoint}. */
    public record Batch(long firstIndex, List<Bytes> entries, SignedCheckpoint checkpoint) {
        public Batch {
            entries = List.copyOf(entries);
        }

        public long endIndex() {
            return firstIndex + entries.size();
        }
    }

    private final LogReader log;
    private final TileReader tiles;
    private final String origin;
    private final NoteVerifier key;
    private final int maxBundles;
    private SignedCheckpoint checkpoint;
    private CompactRange range;
    private TlogPolicy policy;

    private LogFollower(LogReader log, String origin, NoteVerifier key, int maxBatch, SignedCheckpoint checkpoint, CompactRange range) {
        this.log = log;
        this.tiles = new TileCache(log.tileReader(), 256);
        this.origin = origin;
        this.key = key;
        this.maxBundles = Math.max(1, maxBatch / TilePath.FULL_WIDTH);
        this.checkpoint = checkpoint;
        this.range = range;
    }

    /**
     * Follows a log from its first entry. Every tree extends the empty one, so the first
     * checkpoint seen is accepted on its signature alone; pass a trusted checkpoint to
     * {@link #resume} to anchor the follower instead.
     */
    public static LogFollower fromStart(LogReader log, String origin, NoteVerifier key, int maxBatch) {
        return new LogFollower(log, origin, key, maxBatch, null, CompactRange.empty());
    }

    /**
     * Resumes from a trusted checkpoint, with entries below {@code nextIndex} already processed.
     * The log's tiles must prove that its first {@code nextIndex} entries are a prefix of the
     * trusted tree.
     */
    public static LogFollower resume(LogReader log, String origin, NoteVerifier key, SignedCheckpoint trusted, long nextIndex,
                                     int maxBatch) throws IOException, LogVerificationException {
        long size = trusted.checkpoint().size();
        if (nextIndex < 0 || nextIndex > size) {
            throw new IllegalArgumentException("next index " + nextIndex + " outside the trusted tree of size " + size);
        }
        LogFollower f = new LogFollower(log, origin, key, maxBatch, trusted, CompactRange.empty());
        if (nextIndex > 0) {
            try {
                TileNodeReader nodes = new TileNodeReader(f.tiles, size);
                CompactRange r = CompactRange.of(nodes, nextIndex);
                f.proveIsPrefix(r);
                f.range = r;
            } catch (TileFormatException e) {
                throw new LogVerificationException("malformed tile: " + e.getMessage(), e);
            }
        }
        return f;
    }

    /**
     * Follows only checkpoints that carry the witness quorum of {@code policy} (C2SP tlog-policy,
     * cosignatures per C2SP tlog-cosignature): a checkpoint without it is refused like a bad one,
     * so a log that shows a view no witness quorum saw is not followed. Returns this follower.
     */
    public LogFollower requireWitnesses(TlogPolicy policy) {
        this.policy = policy;
        return this;
    }

    /**
     * Checks another checkpoint of this log (from gossip, a witness or a peer) against the latest
     * verified one, with a consistency proof from this log's tiles at the larger size (C2SP
     * tlog-tiles; RFC 9162 section 2.1.4.2). Conclusive when {@code other} is not larger than the
     * verified checkpoint: the tiles are then authenticated by the verified root.
     *
     * @throws SplitViewException the two are not consistent
     * @throws LogVerificationException the log's tiles cannot show it (e.g. {@code other} is beyond
     *     the log's published tree, or its tiles do not match {@code other})
     */
    public void checkConsistent(SignedCheckpoint other) throws IOException, LogVerificationException, SplitViewException {
        if (checkpoint == null) {
            throw new LogVerificationException("no verified checkpoint to compare with yet");
        }
        Consistency.check(tiles, checkpoint, other);
    }

    /** The latest verified checkpoint; empty until the first one is fetched by {@link #fromStart}. */
    public Optional<SignedCheckpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    private long verifiedSize() {
        return checkpoint == null ? 0 : checkpoint.checkpoint().size();
    }

    /** The index of the next entry to hand out. */
    public long nextIndex() {
        return range.size();
    }

    /**
     * The next verified batch: entries up to the latest verified checkpoint first; once caught
     * up, polls the log's checkpoint and, if it grew, verifies it before fetching. Empty when
     * there is nothing new.
     */
    public Optional<Batch> next() throws IOException, LogException, LogVerificationException, SplitViewException {
        if (range.size() == verifiedSize()) {
            refresh();
        }
        if (range.size() == verifiedSize()) {
            return Optional.empty();
        }
        return Optional.of(fetch());
    }

    /** Fetches and verifies the log's current checkpoint; returns it once it is the latest. */
    public SignedCheckpoint refresh() throws IOException, LogException, LogVerificationException, SplitViewException {
        SignedCheckpoint cp = open(log.checkpoint().toArray());
        if (cp.checkpoint().size() == 0 && !cp.checkpoint().rootHash().equals(MerkleHash.EMPTY_ROOT)) {
            throw new LogVerificationException("the log signed an empty tree with a root that is not the empty root");
        }
        if (checkpoint != null) {
            Consistency.check(tiles, checkpoint, cp);
        }
        if (cp.checkpoint().size() >= verifiedSize()) {
            checkpoint = cp; // newer, or the same tree with new cosignatures; an older one is stale
        }
        return checkpoint;
    }

    /** Verifies that {@code entry} is at {@code index} in the latest verified tree. */
    public void verifyInclusion(long index, Bytes entry) throws IOException, LogVerificationException {
        long size = verifiedSize();
        if (index < 0 || index >= size) {
            throw new LogVerificationException("entry " + index + " is not in the verified tree of size " + size);
        }
        try {
            MerkleProofs.inclusion(new TileNodeReader(tiles, size), index, size)
                    .verify(MerkleHash.leaf(entry), checkpoint.checkpoint().rootHash());
        } catch (ProofException | TileFormatException e) {
            throw new LogVerificationException("entry " + index + " is not included: " + e.getMessage(), e);
        }
    }

    private Batch fetch() throws IOException, LogVerificationException {
        long size = checkpoint.checkpoint().size();
        long first = range.size();
        long end = Math.min(size, (first / TilePath.FULL_WIDTH + maxBundles) * TilePath.FULL_WIDTH);
        List<Bytes> entries = new ArrayList<>((int) (end - first));
        CompactRange next = range.copy();
        try {
            for (long b = first / TilePath.FULL_WIDTH; b * TilePath.FULL_WIDTH < end; b++) {
                TilePath p = Tiles.tile(TilePath.ENTRIES, b, size);
                EntryBundle bundle = EntryBundle.parse(tiles.read(p).toArray(), p.width());
                for (int j = 0; j < p.width(); j++) {
                    long i = b * TilePath.FULL_WIDTH + j;
                    if (i >= first && i < end) {
                        Bytes e = bundle.entries().get(j);
                        entries.add(e);
                        next.append(MerkleHash.leaf(e));
                    }
                }
            }
            proveIsPrefix(next);
        } catch (TileFormatException e) {
            throw new LogVerificationException("malformed entry bundle or tile: " + e.getMessage(), e);
        }
        range = next;
        return new Batch(first, entries, checkpoint);
    }

    /** Proves that the tree with border {@code r} is a prefix of the verified checkpoint's tree. */
    private void proveIsPrefix(CompactRange r) throws IOException, LogVerificationException {
        long size = checkpoint.checkpoint().size();
        Bytes root = checkpoint.checkpoint().rootHash();
        if (r.size() == size) {
            if (!r.root().equals(root)) {
                throw new LogVerificationException("entries up to " + size + " do not hash to the signed root");
            }
            return;
        }
        try {
            MerkleProofs.consistency(new TileNodeReader(tiles, size), r.size(), size).verify(r.root(), root);
        } catch (ProofException e) {
            throw new LogVerificationException("entries below " + r.size() + " are not the signed tree's: " + e.getMessage(), e);
        }
    }

    private SignedCheckpoint open(byte[] note) throws LogVerificationException {
        try {
            if (policy == null) {
                return SignedCheckpoint.open(note, origin, key);
            }
            WitnessedCheckpoint w = WitnessedCheckpoint.open(note, origin, key, policy);
            if (!w.quorumMet()) {
                throw new LogVerificationException("the log's checkpoint lacks the witness quorum: " + w.describe());
            }
            return w.checkpoint();
        } catch (NoteException | CheckpointFormatException e) {
            throw new LogVerificationException("the log's checkpoint does not verify: " + e.getMessage(), e);
        }
    }

}
