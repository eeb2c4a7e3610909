package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.io.IOException;

/**
 * Reads stored hashes of a Merkle tree: the hash of the complete subtree of {@code 2^level}
 * leaves starting at leaf {@code index * 2^level}, that is
 * {@code MTH(D[index * 2^level : (index + 1) * 2^level])} in the notation of RFC 9162 section
 * 2.1.1. Level 0 holds the leaf hashes. Proofs are generated from these reads alone, so a log can
 * answer them from its tiles without loading the tree.
 */
@FunctionalInterface
public interface NodeReader {
    Bytes node(int level, long index) throws IOException;
}
