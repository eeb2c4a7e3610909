package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;

/**
 * A hash tile of C2SP tlog-tiles ("Merkle Tree"): {@code width} consecutive 32-byte Merkle tree
 * hashes at tree level {@code 8 * L}, 8,192 bytes when full.
 */
public record HashTile(TilePath path, Bytes data) {
    public HashTile {
        if (path.isEntries()) {
            throw new IllegalArgumentException("an entry bundle is not a hash tile");
        }
        if (data.length() != path.width() * MerkleHash.BYTES) {
            throw new IllegalArgumentException("tile " + path + " must be " + path.width() * MerkleHash.BYTES + " bytes");
        }
    }

    /** Checks that {@code data} has exactly the length its path requires. */
    public static HashTile parse(TilePath path, byte[] data) throws TileFormatException {
        if (path.isEntries()) {
            throw new TileFormatException(path + " is an entry bundle, not a hash tile");
        }
        if (data.length != path.width() * MerkleHash.BYTES) {
            throw new TileFormatException("tile " + path + " has " + data.length + " bytes, expected " + path.width() * MerkleHash.BYTES);
        }
        return new HashTile(path, Bytes.of(data));
    }

    public int width() {
        return path.width();
    }

    /** The {@code i}-th hash of the tile. */
    public Bytes hash(int i) {
        return data.slice(i * MerkleHash.BYTES, (i + 1) * MerkleHash.BYTES);
    }
}
