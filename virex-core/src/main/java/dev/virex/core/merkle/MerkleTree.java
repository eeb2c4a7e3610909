package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree held in memory with every complete subtree hash, for small trees,
 * tests and tools. Logs keep theirs in tiles instead.
 */
public final class MerkleTree implements NodeReader {
    private final List<List<Bytes>> levels = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();

    public long size() {
        return range.size();
    }

    public void appendEntry(byte[] entry) {
        appendLeafHash(MerkleHash.leaf(entry));
    }

    public void appendLeafHash(Bytes leafHash) {
        range.append(leafHash, (level, index, hash) -> {
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(hash);
        });
    }

    public Bytes root() {
        return range.root();
    }

    @Override
    public Bytes node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + " index " + index);
        }
        return levels.get(level).get((int) index);
    }
}
