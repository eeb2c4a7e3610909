package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.util.List;

/**
 * A consistency proof (RFC 9162 section 2.1.4) from the tree of {@code size1} leaves to the tree
 * of {@code size2} leaves. The record checks only the shape; {@link #verify} checks the claim.
 */
public record ConsistencyProof(long size1, long size2, List<Bytes> hashes) {
    public ConsistencyProof {
        hashes = List.copyOf(hashes);
        if (size1 < 0 || size2 < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        if (hashes.size() > InclusionProof.MAX_HASHES) {
            throw new IllegalArgumentException("more than " + InclusionProof.MAX_HASHES + " proof hashes");
        }
        hashes.forEach(h -> MerkleHash.requireHash(h, "proof hash"));
    }

    public void verify(Bytes root1, Bytes root2) throws ProofException {
        ProofVerifier.verifyConsistency(size1, size2, root1, root2, hashes);
    }
}
