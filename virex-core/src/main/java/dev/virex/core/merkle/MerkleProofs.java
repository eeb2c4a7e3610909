package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Root hashes and proofs of RFC 9162 section 2.1, computed from stored subtree hashes
 * ({@link NodeReader}) rather than from the leaves: MTH (2.1.1), PATH (2.1.3.1) and PROOF /
 * SUBPROOF (2.1.4.1). Each proof reads O(log n) stored hashes.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** MTH(D[0:size]), RFC 9162 section 2.1.1. */
    public static Bytes root(NodeReader nodes, long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        return size == 0 ? MerkleHash.EMPTY_ROOT : subtree(nodes, 0, size);
    }

    /**
     * MTH(D[start:end]) for a range that the RFC's recursion produces: {@code start} is a multiple
     * of the smallest power of two not below {@code end - start}.
     */
    public static Bytes subtree(NodeReader nodes, long start, long end) throws IOException {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("empty subtree [" + start + ", " + end + ")");
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, start >>> level);
        }
        long k = splitPoint(n);
        if (start % k != 0) {
            throw new IllegalArgumentException("subtree [" + start + ", " + end + ") is not aligned");
        }
        return MerkleHash.node(subtree(nodes, start, start + k), subtree(nodes, start + k, end));
    }

    /** PATH(index, D[0:size]), RFC 9162 section 2.1.3.1, leaf-side hash first. */
    public static InclusionProof inclusion(NodeReader nodes, long index, long size) throws IOException {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not below tree size " + size);
        }
        List<Bytes> path = new ArrayList<>();
        long start = 0;
        long end = size;
        // Walk down from the root; each step records the sibling subtree of the half holding the
        // leaf. The RFC's recursion appends that sibling after the deeper path, hence the reverse.
        while (end - start > 1) {
            long k = splitPoint(end - start);
            if (index < start + k) {
                path.add(subtree(nodes, start + k, end));
                end = start + k;
            } else {
                path.add(subtree(nodes, start, start + k));
                start += k;
            }
        }
        Collections.reverse(path);
        return new InclusionProof(index, size, path);
    }

    /** PROOF(size1, D[0:size2]) = SUBPROOF(size1, D[0:size2], true), RFC 9162 section 2.1.4.1. */
    public static ConsistencyProof consistency(NodeReader nodes, long size1, long size2) throws IOException {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("consistency needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        List<Bytes> path = new ArrayList<>();
        long start = 0;
        long end = size2;
        boolean complete = true; // the RFC's flag b: the subtree is a prefix of the old tree
        while (true) {
            long m = size1 - start;
            long n = end - start;
            if (m == n) {
                // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
                if (!complete) {
                    path.add(subtree(nodes, start, end));
                }
                break;
            }
            long k = splitPoint(n);
            if (m <= k) {
                path.add(subtree(nodes, start + k, end));
                end = start + k;
            } else {
                path.add(subtree(nodes, start, start + k));
                start += k;
                complete = false;
            }
        }
        Collections.reverse(path);
        return new ConsistencyProof(size1, size2, path);
    }

    /** The largest power of two smaller than {@code n} (n > 1), the RFC's k. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
