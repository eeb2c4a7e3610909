package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.NodeReader;
import java.io.IOException;

/**
 * Reads Merkle subtree hashes out of the hash tiles of a tree of a given size (C2SP tlog-tiles:
 * tile level L holds tree level 8L; the levels in between are recomputed from the tile's hashes).
 * Each node costs one tile read and at most 127 hash computations.
 */
public final class TileNodeReader implements NodeReader {
    private final TileReader tiles;
    private final long size;

    /** @param size the tree size the tiles are read for, which sets the widths of partial tiles */
    public TileNodeReader(TileReader tiles, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        this.tiles = tiles;
        this.size = size;
    }

    @Override
    public Bytes node(int level, long index) throws IOException {
        if (level < 0 || level > 62 || index < 0 || ((index + 1) << level) > size || ((index + 1) << level) <= 0) {
            throw new IllegalArgumentException("a tree of " + size + " entries has no complete subtree at level "
                    + level + " index " + index);
        }
        int tileLevel = level / Tiles.HEIGHT;
        int sub = level % Tiles.HEIGHT;
        long first = index << sub; // index of the first covered hash at tree level 8 * tileLevel
        long tileIndex = first / TilePath.FULL_WIDTH;
        int offset = (int) (first % TilePath.FULL_WIDTH);
        TilePath path = Tiles.tile(tileLevel, tileIndex, size);
        byte[] data = tiles.read(path).toArray();
        if (data.length != path.width() * MerkleHash.BYTES) {
            throw new TileFormatException("tile " + path + " has " + data.length + " bytes, expected "
                    + path.width() * MerkleHash.BYTES);
        }
        return hashUp(data, offset, 1 << sub);
    }

    /** MTH of {@code count} (a power of two) consecutive hashes of a tile, starting at {@code offset}. */
    static Bytes hashUp(byte[] tile, int offset, int count) {
        if (count == 1) {
            return Bytes.of(tile, offset * MerkleHash.BYTES, MerkleHash.BYTES);
        }
        byte[] level = new byte[count / 2 * MerkleHash.BYTES];
        for (int i = 0; i < count / 2; i++) {
            byte[] h = MerkleHash.node(tile, (offset + 2 * i) * MerkleHash.BYTES, tile, (offset + 2 * i + 1) * MerkleHash.BYTES);
            System.arraycopy(h, 0, level, i * MerkleHash.BYTES, MerkleHash.BYTES);
        }
        return hashUp(level, 0, count / 2);
    }
}
