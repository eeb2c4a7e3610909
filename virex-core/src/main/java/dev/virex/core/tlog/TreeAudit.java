package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.CompactRange;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies a whole tiled log against a signed root: every hash of every hash tile is recomputed
 * from the level below (the entries themselves, when bundles are checked), so a log whose tiles
 * pass serves exactly the tree its checkpoint signs. Streams the log bundle by bundle, holding one
 * tile per level. Also checks the roots of earlier tree sizes on the way (consistency with older
 * checkpoints by recomputation).
 */
public final class TreeAudit {
    /** Receives each verified leaf hash in order, e.g. to index the log. */
    @FunctionalInterface
    public interface LeafSink {
        void leaf(long index, Bytes leafHash);
    }

    /** Progress, called after each bundle. */
    @FunctionalInterface
    public interface Progress {
        void verified(long entries, long total);
    }

    /** What was checked. */
    public record Report(long entries, long hashTiles, long bundles) {}

    private final TileReader tiles;
    private boolean entries = true;
    private final Map<Long, Bytes> expectedRoots = new HashMap<>();
    private LeafSink sink = (i, h) -> {};
    private Progress progress = (n, t) -> {};
    private ProofException inconsistent;

    public TreeAudit(TileReader tiles) {
        this.tiles = tiles;
    }

    /** Whether to fetch entry bundles and check them against the level-0 tiles (default yes). */
    public TreeAudit entries(boolean check) {
        this.entries = check;
        return this;
    }

    /** Also checks that the first {@code size} entries have root {@code root}. */
    public TreeAudit expectRoot(long size, Bytes root) {
        expectedRoots.put(size, root);
        return this;
    }

    public TreeAudit onLeaf(LeafSink s) {
        this.sink = s;
        return this;
    }

    public TreeAudit onProgress(Progress p) {
        this.progress = p;
        return this;
    }

    /**
     * @throws ProofException naming the first tile, bundle or root that does not match (reason
     *     {@code ROOT_MISMATCH}), or, when everything matches the signed root but an expected
     *     earlier root does not, with reason {@code FIRST_ROOT_MISMATCH}: the two are inconsistent
     * @throws IOException when a resource cannot be read or is malformed
     */
    public Report verify(long size, Bytes root) throws IOException, ProofException {
        inconsistent = null;
        CompactRange range = CompactRange.empty();
        Map<Integer, HashTile> current = new HashMap<>();
        long[] hashTiles = {0};
        long bundles = 0;
        check(range, 0);
        for (long b = 0; b < Tiles.count(0, size); b++) {
            TilePath p0 = Tiles.tile(0, b, size);
            HashTile level0 = HashTile.parse(p0, tiles.read(p0).toArray());
            hashTiles[0]++;
            EntryBundle bundle = null;
            if (entries) {
                TilePath pe = Tiles.tile(TilePath.ENTRIES, b, size);
                bundle = EntryBundle.parse(tiles.read(pe).toArray(), pe.width());
                bundles++;
            }
            for (int j = 0; j < p0.width(); j++) {
                Bytes leaf = level0.hash(j);
                if (bundle != null && !MerkleHash.leaf(bundle.entries().get(j)).equals(leaf)) {
                    throw mismatch("entry " + (b * TilePath.FULL_WIDTH + j) + " in " + Tiles.tile(TilePath.ENTRIES, b, size)
                            + " does not match its leaf hash in " + p0);
                }
                sink.leaf(range.size(), leaf);
                appendChecked(range, leaf, size, current, hashTiles);
                check(range, range.size());
            }
            progress.verified(range.size(), size);
        }
        if (!range.root().equals(root)) {
            throw mismatch("the tiles do not hash to the signed root of tree size " + size);
        }
        // Only now that the leaves are proven to be the signed tree's does an earlier root that
        // differs prove two inconsistent trees (rather than bad tiles).
        if (inconsistent != null) {
            throw inconsistent;
        }
        return new Report(size, hashTiles[0], bundles);
    }

    private void appendChecked(CompactRange range, Bytes leaf, long size, Map<Integer, HashTile> current, long[] count)
            throws IOException, ProofException {
        IOException[] failure = {null};
        ProofException[] bad = {null};
        range.append(leaf, (level, index, hash) -> {
            if (level == 0 || level % Tiles.HEIGHT != 0 || failure[0] != null || bad[0] != null) {
                return;
            }
            int t = level / Tiles.HEIGHT;
            long tileIndex = index / TilePath.FULL_WIDTH;
            try {
                HashTile tile = current.get(t);
                if (tile == null || tile.path().index() != tileIndex) {
                    TilePath p = Tiles.tile(t, tileIndex, size);
                    tile = HashTile.parse(p, tiles.read(p).toArray());
                    current.put(t, tile);
                    count[0]++;
                }
                if (!tile.hash((int) (index % TilePath.FULL_WIDTH)).equals(hash)) {
                    bad[0] = mismatch("hash " + index % TilePath.FULL_WIDTH + " of " + tile.path()
                            + " does not match the tiles below it");
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (bad[0] != null) {
            throw bad[0];
        }
    }

    private void check(CompactRange range, long size) {
        Bytes want = expectedRoots.get(size);
        if (want != null && inconsistent == null && !range.root().equals(want)) {
            inconsistent = new ProofException(ProofException.Reason.FIRST_ROOT_MISMATCH,
                    "the log's first " + size + " entries do not hash to the earlier root of that size");
        }
    }

    private static ProofException mismatch(String message) {
        return new ProofException(ProofException.Reason.ROOT_MISMATCH, message);
    }
}
