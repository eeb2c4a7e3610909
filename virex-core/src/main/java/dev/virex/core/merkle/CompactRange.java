package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The right border of a Merkle tree: the roots of the perfect subtrees that make up a tree of
 * {@code size} leaves (one per set bit of the size, largest first). Enough to append leaves and to
 * compute the root hash, so a log integrates new entries, and a follower checks them against a
 * signed root, without holding the tree.
 */
public final class CompactRange {
    /** Receives every complete subtree hash that an append creates, leaves included. */
    @FunctionalInterface
    public interface Sink {
        void node(int level, long index, Bytes hash);
    }

    private long size;
    private final List<Bytes> border;

    private CompactRange(long size, List<Bytes> border) {
        this.size = size;
        this.border = border;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** The border of the tree of {@code size} leaves, read from stored hashes. */
    public static CompactRange of(NodeReader nodes, long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        List<Bytes> border = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                border.add(nodes.node(level, start >>> level));
                start += 1L << level;
            }
        }
        return new CompactRange(size, border);
    }

    public CompactRange copy() {
        return new CompactRange(size, new ArrayList<>(border));
    }

    public long size() {
        return size;
    }

    public void append(Bytes leafHash) {
        append(leafHash, (l, i, h) -> {});
    }

    /** Appends one leaf hash; {@code sink} sees the leaf and every subtree it completes. */
    public void append(Bytes leafHash, Sink sink) {
        MerkleHash.requireHash(leafHash, "leaf hash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        Bytes h = leafHash;
        int level = 0;
        long index = size;
        sink.node(0, index, h);
        // Each trailing one bit of the old size is a perfect subtree on the border of the same
        // height as h: merge them, growing h one level at a time.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            h = MerkleHash.node(border.remove(border.size() - 1), h);
            level++;
            index >>>= 1;
            sink.node(level, index, h);
        }
        border.add(h);
        size++;
    }

    /** MTH(D[0:size]), RFC 9162 section 2.1.1: the border hashed together right to left. */
    public Bytes root() {
        if (border.isEmpty()) {
            return MerkleHash.EMPTY_ROOT;
        }
        Bytes r = border.get(border.size() - 1);
        for (int i = border.size() - 2; i >= 0; i--) {
            r = MerkleHash.node(border.get(i), r);
        }
        return r;
    }
}
