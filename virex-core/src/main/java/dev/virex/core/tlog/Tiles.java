package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;

/** Arithmetic of C2SP tlog-tiles: which tiles a tree of a given size has, and how wide. */
public final class Tiles {
    /** Tree levels per tile level: a tile is a subtree of height 8, 256 hashes wide. */
    public static final int HEIGHT = 8;

    private Tiles() {}

    /**
     * The number of hashes at tile level {@code level} (tree level {@code 8 * level}) in a tree of
     * {@code size} entries: {@code floor(size / 256^level)}.
     */
    public static long hashesAt(int level, long size) {
        int shift = HEIGHT * Math.max(level, 0);
        return shift >= 64 ? 0 : size >>> shift;
    }

    /**
     * The width of tile {@code index} at tile {@code level} (-1 for entry bundles) in a tree of
     * {@code size} entries: 256 when full, 1 to 255 when partial, 0 when the tree has no such tile.
     */
    public static int width(int level, long index, long size) {
        long left = hashesAt(level, size) - index * TilePath.FULL_WIDTH;
        if (index < 0 || left <= 0) {
            return 0;
        }
        return (int) Math.min(left, TilePath.FULL_WIDTH);
    }

    /** The tile at {@code level} and {@code index} as it is in a tree of {@code size} entries. */
    public static TilePath tile(int level, long index, long size) {
        int w = width(level, index, size);
        if (w == 0) {
            throw new IllegalArgumentException("a tree of " + size + " entries has no tile " + level + "/" + index);
        }
        return new TilePath(level, index, w);
    }

    /**
     * Whether a tree of {@code size} entries contains the tile at {@code path}: a full tile once
     * complete, a partial tile of width W once its level holds at least W hashes in that tile.
     * (A log serves partial tiles of the sizes it published; it may delete them once full.)
     */
    public static boolean covers(long size, TilePath path) {
        return width(path.level(), path.index(), size) >= path.width();
    }

    /**
     * The partial tile or bundle {@code partial} cut out of its full version: a partial resource
     * is a prefix of the full one (tlog-tiles lets logs delete partial tiles once full, and
     * clients fall back to the full tile).
     */
    public static Bytes prefix(TilePath partial, Bytes full) throws TileFormatException {
        if (partial.isEntries()) {
            EntryBundle all = EntryBundle.parse(full.toArray(), TilePath.FULL_WIDTH);
            return Bytes.wrap(new EntryBundle(all.entries().subList(0, partial.width())).encode());
        }
        HashTile t = HashTile.parse(partial.full(), full.toArray());
        return t.data().slice(0, partial.width() * MerkleHash.BYTES);
    }

    /** The number of tiles (full and partial) at a level for a tree of {@code size} entries. */
    public static long count(int level, long size) {
        long n = hashesAt(level, size);
        return (n + TilePath.FULL_WIDTH - 1) / TilePath.FULL_WIDTH;
    }
}
