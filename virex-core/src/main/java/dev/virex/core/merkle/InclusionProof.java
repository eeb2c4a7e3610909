package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.util.List;

/**
 * An inclusion proof (RFC 9162 section 2.1.3): the audit path of the leaf at {@code index} in the
 * tree of {@code size} leaves, leaf-side hash first. The record checks only the shape (hash
 * lengths, at most {@link #MAX_HASHES} hashes); {@link #verify} checks the claim.
 */
public record InclusionProof(long index, long size, List<Bytes> hashes) {
    /** A tree of at most 2^63 - 1 leaves is at most 63 levels deep; consistency adds one hash. */
    public static final int MAX_HASHES = 64;

    public InclusionProof {
        hashes = List.copyOf(hashes);
        if (index < 0 || size < 0) {
            throw new IllegalArgumentException("negative index or size");
        }
        if (hashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("more than " + MAX_HASHES + " proof hashes");
        }
        hashes.forEach(h -> MerkleHash.requireHash(h, "proof hash"));
    }

    public void verify(Bytes leafHash, Bytes root) throws ProofException {
        ProofVerifier.verifyInclusion(index, size, leafHash, hashes, root);
    }
}
