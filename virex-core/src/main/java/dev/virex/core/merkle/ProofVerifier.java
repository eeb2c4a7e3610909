package dev.virex.core.merkle;

import dev.virex.core.Bytes;
import java.util.List;

/**
 * Verification of Merkle inclusion and consistency proofs, implementing every step of RFC 9162
 * sections 2.1.3.2 and 2.1.4.2 (including the {@code index < size} check and the final
 * {@code sn == 0} checks). Each step is cited where it is implemented.
 */
public final class ProofVerifier {
    private ProofVerifier() {}

    /**
     * Verifies that {@code leafHash} is the leaf at {@code index} of the tree of {@code size}
     * leaves whose root is {@code root}, given the inclusion path (leaf-side hash first).
     */
    public static void verifyInclusion(long index, long size, Bytes leafHash, List<Bytes> path, Bytes root)
            throws ProofException {
        requireHashes(leafHash, path, root);
        // RFC 9162 2.1.3.2 step 1: fail if leaf_index >= tree_size (and reject negative values).
        if (index < 0 || size <= 0 || index >= size) {
            throw malformed("leaf index " + index + " is not below tree size " + size);
        }
        // 2.1.3.2 step 2: fn = leaf_index, sn = tree_size - 1.
        long fn = index;
        long sn = size - 1;
        // 2.1.3.2 step 3: r = hash.
        Bytes r = leafHash;
        // 2.1.3.2 step 4: for each value p in the inclusion_path array.
        for (Bytes p : path) {
            // 2.1.3.2 step 4a: if sn is 0, stop and fail (the path is too long).
            if (sn == 0) {
                throw malformed("inclusion path longer than the tree is deep");
            }
            // 2.1.3.2 step 4b: if LSB(fn) is set, or fn == sn, p is a left sibling.
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                // 2.1.3.2 step 4b.ii: if LSB(fn) is not set, right-shift fn and sn equally
                // until LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                // 2.1.3.2 step 4b, otherwise: p is a right sibling.
                r = MerkleHash.node(r, p);
            }
            // 2.1.3.2 step 4c: right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 2.1.3.2 step 5: sn must be 0 (the path is not too short) ...
        if (sn != 0) {
            throw malformed("inclusion path shorter than the tree is deep");
        }
        // ... and r must equal root_hash.
        if (!r.equals(root)) {
            throw new ProofException(ProofException.Reason.ROOT_MISMATCH, "inclusion proof does not lead to the root hash");
        }
    }

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the
     * tree of {@code size2} leaves with root {@code root2}. RFC 9162 defines proofs for
     * {@code 0 < size1 < size2}; for {@code size1 == size2} the proof must be empty and the roots
     * byte-identical (nothing is hashed, so their length is not checked, as in the
     * transparency-dev/merkle vectors); a proof from the empty tree is refused as meaningless.
     *
     * @throws ProofException with reason {@code FIRST_ROOT_MISMATCH} when the proof leads to
     *     {@code root2} but not to {@code root1}: evidence that the two trees are inconsistent
     */
    public static void verifyConsistency(long size1, long size2, Bytes root1, Bytes root2, List<Bytes> path)
            throws ProofException {
        if (size1 <= 0 || size2 < size1) {
            throw malformed("consistency needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        if (size1 == size2) {
            if (!path.isEmpty()) {
                throw malformed("consistency proof between equal sizes must be empty");
            }
            if (!root1.equals(root2)) {
                throw new ProofException(ProofException.Reason.FIRST_ROOT_MISMATCH, "two different roots for tree size " + size1);
            }
            return;
        }
        requireHashes(root1, path, root2);
        // RFC 9162 2.1.4.2 step 1: an empty consistency_path fails.
        if (path.isEmpty()) {
            throw malformed("empty consistency proof");
        }
        // 2.1.4.2 step 2: if first is an exact power of 2, prepend first_hash to the path.
        boolean prepend = (size1 & (size1 - 1)) == 0;
        int n = path.size() + (prepend ? 1 : 0);
        // 2.1.4.2 step 3: fn = first - 1, sn = second - 1.
        long fn = size1 - 1;
        long sn = size2 - 1;
        // 2.1.4.2 step 4: if LSB(fn) is set, right-shift fn and sn equally until it is not.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 2.1.4.2 step 5: fr and sr start as the first value of the path.
        Bytes first = prepend ? root1 : path.get(0);
        Bytes fr = first;
        Bytes sr = first;
        // 2.1.4.2 step 6: for each subsequent value c of the path.
        for (int i = 1; i < n; i++) {
            Bytes c = path.get(prepend ? i - 1 : i);
            // 2.1.4.2 step 6a: if sn is 0, stop and fail (the path is too long).
            if (sn == 0) {
                throw malformed("consistency path longer than the tree is deep");
            }
            // 2.1.4.2 step 6b: if LSB(fn) is set, or fn == sn, c is a left sibling in both trees.
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                // 2.1.4.2 step 6b.iii: if LSB(fn) is not set, right-shift fn and sn equally
                // until LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                // 2.1.4.2 step 6b, otherwise: c is a right sibling, in the second tree only.
                sr = MerkleHash.node(sr, c);
            }
            // 2.1.4.2 step 6c: right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 2.1.4.2 step 7: sn must be 0, sr must equal second_hash and fr first_hash.
        if (sn != 0) {
            throw malformed("consistency path shorter than the tree is deep");
        }
        if (!sr.equals(root2)) {
            throw new ProofException(ProofException.Reason.ROOT_MISMATCH, "consistency proof does not lead to the second root");
        }
        if (!fr.equals(root1)) {
            throw new ProofException(ProofException.Reason.FIRST_ROOT_MISMATCH,
                    "consistency proof leads to the second root but not to the first: the trees are inconsistent");
        }
    }

    private static void requireHashes(Bytes a, List<Bytes> path, Bytes b) throws ProofException {
        if (a.length() != MerkleHash.BYTES || b.length() != MerkleHash.BYTES) {
            throw malformed("hashes must be " + MerkleHash.BYTES + " bytes");
        }
        if (path.size() > InclusionProof.MAX_HASHES) {
            throw malformed("proof has more than " + InclusionProof.MAX_HASHES + " hashes");
        }
        for (Bytes p : path) {
            if (p.length() != MerkleHash.BYTES) {
                throw malformed("proof hashes must be " + MerkleHash.BYTES + " bytes");
            }
        }
    }

    private static ProofException malformed(String message) {
        return new ProofException(ProofException.Reason.MALFORMED, message);
    }
}
