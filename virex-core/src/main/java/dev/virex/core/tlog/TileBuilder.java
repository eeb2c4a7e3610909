package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.CompactRange;
import dev.virex.core.merkle.MerkleHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a tiled Merkle tree (C2SP tlog-tiles) entry by entry and says which resources to store:
 * every tile and bundle completed along the way, and the partial ones of the current size. Holds
 * only the right border of the tree and the rightmost tile of each level, so integrating an entry
 * costs O(1) amortised hashing, whatever the size of the log.
 */
public final class TileBuilder {
    private final CompactRange range;
    private final List<Row> rows = new ArrayList<>(); // tile levels 0, 1, ...
    private final List<Bytes> bundle = new ArrayList<>();
    private boolean bundleDirty;
    private final List<Tile> completed = new ArrayList<>();

    /** The rightmost tile of one tile level: its index and the hashes it has so far. */
    private static final class Row {
        long index;
        final byte[] hashes = new byte[TilePath.FULL_WIDTH * MerkleHash.BYTES];
        int count;
        boolean dirty;
    }

    private TileBuilder(CompactRange range) {
        this.range = range;
    }

    public static TileBuilder empty() {
        return new TileBuilder(CompactRange.empty());
    }

    /**
     * Resumes from stored tiles of a tree of {@code size} entries: the right border and the
     * partial tiles and bundle. The caller checks {@link #root()} against its signed checkpoint.
     */
    public static TileBuilder resume(TileReader tiles, long size) throws IOException {
        TileBuilder b = new TileBuilder(CompactRange.of(new TileNodeReader(tiles, size), size));
        for (int level = 0; Tiles.hashesAt(level, size) > 0; level++) {
            Row row = b.row(level);
            long n = Tiles.hashesAt(level, size);
            row.index = n / TilePath.FULL_WIDTH;
            row.count = (int) (n % TilePath.FULL_WIDTH);
            if (row.count > 0) {
                TilePath p = TilePath.hashes(level, row.index, row.count);
                HashTile t = HashTile.parse(p, tiles.read(p).toArray());
                t.data().copyTo(row.hashes, 0);
            }
        }
        int w = (int) (size % TilePath.FULL_WIDTH);
        if (w > 0) {
            TilePath p = TilePath.entries(size / TilePath.FULL_WIDTH, w);
            b.bundle.addAll(EntryBundle.parse(tiles.read(p).toArray(), w).entries());
        }
        return b;
    }

    public long size() {
        return range.size();
    }

    /** MTH of the entries appended so far. */
    public Bytes root() {
        return range.root();
    }

    /** The right border, for followers and proofs. */
    public CompactRange range() {
        return range.copy();
    }

    /** Appends an entry whose RFC 9162 leaf hash the caller computed (often on another thread). */
    public void append(Bytes entry, Bytes leafHash) {
        if (entry.length() > EntryBundle.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("entry larger than " + EntryBundle.MAX_ENTRY_BYTES + " bytes");
        }
        long index = range.size();
        bundle.add(entry);
        bundleDirty = true;
        if (bundle.size() == TilePath.FULL_WIDTH) {
            completed.add(new Tile(TilePath.entries(index / TilePath.FULL_WIDTH, TilePath.FULL_WIDTH),
                    Bytes.wrap(new EntryBundle(bundle).encode())));
            bundle.clear();
            bundleDirty = false;
        }
        range.append(leafHash, (level, nodeIndex, hash) -> {
            if (level % Tiles.HEIGHT == 0) {
                add(level / Tiles.HEIGHT, nodeIndex, hash);
            }
        });
    }

    private void add(int tileLevel, long nodeIndex, Bytes hash) {
        Row row = row(tileLevel);
        if (nodeIndex % TilePath.FULL_WIDTH != row.count) {
            throw new IllegalStateException("tile level " + tileLevel + " out of step at node " + nodeIndex);
        }
        row.index = nodeIndex / TilePath.FULL_WIDTH;
        hash.copyTo(row.hashes, row.count * MerkleHash.BYTES);
        row.count++;
        row.dirty = true;
        if (row.count == TilePath.FULL_WIDTH) {
            completed.add(new Tile(TilePath.hashes(tileLevel, row.index, TilePath.FULL_WIDTH), Bytes.of(row.hashes)));
            row.count = 0;
            row.dirty = false;
        }
    }

    private Row row(int level) {
        while (rows.size() <= level) {
            rows.add(new Row());
        }
        return rows.get(level);
    }

    /**
     * The resources to store for the current size: tiles and bundles completed since the last
     * call, then the partial ones that changed. Partial resources are named by width, so none of
     * them ever overwrites another with different content.
     */
    public List<Tile> flush() {
        List<Tile> out = new ArrayList<>(completed);
        completed.clear();
        if (bundleDirty && !bundle.isEmpty()) {
            out.add(new Tile(TilePath.entries(range.size() / TilePath.FULL_WIDTH, bundle.size()),
                    Bytes.wrap(new EntryBundle(bundle).encode())));
        }
        bundleDirty = false;
        for (int level = 0; level < rows.size(); level++) {
            Row row = rows.get(level);
            if (row.dirty && row.count > 0) {
                out.add(new Tile(TilePath.hashes(level, row.index, row.count), Bytes.of(row.hashes, 0, row.count * MerkleHash.BYTES)));
            }
            row.dirty = false;
        }
        return out;
    }
}
