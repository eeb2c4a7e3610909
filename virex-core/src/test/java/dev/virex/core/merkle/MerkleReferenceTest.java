package dev.virex.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks tree hashes, proof generation and verification against {@link ReferenceTree} for every
 * tree size up to {@link #MAX}, every index and every pair of sizes, and that tampering with any
 * part of a proof is caught.
 */
class MerkleReferenceTest {
    static final int MAX = 70;

    @Test
    void rootsMatchTheReferenceForEverySize() throws Exception {
        List<byte[]> all = ReferenceTree.entries(MAX);
        MerkleTree tree = new MerkleTree();
        assertThat(tree.root()).isEqualTo(MerkleHash.EMPTY_ROOT);
        assertThat(MerkleHash.EMPTY_ROOT).isEqualTo(Bytes.of(ReferenceTree.mth(List.of())));
        for (int n = 1; n <= MAX; n++) {
            tree.appendEntry(all.get(n - 1));
            Bytes want = Bytes.of(ReferenceTree.mth(all.subList(0, n)));
            assertThat(tree.root()).as("size %d", n).isEqualTo(want);
            assertThat(MerkleProofs.root(tree, n)).as("size %d from nodes", n).isEqualTo(want);
            assertThat(CompactRange.of(tree, n).root()).as("compact range %d", n).isEqualTo(want);
        }
    }

    @Test
    void inclusionProofsMatchAndVerifyForEveryIndex() throws Exception {
        List<byte[]> all = ReferenceTree.entries(MAX);
        MerkleTree tree = tree(all);
        for (int n = 1; n <= MAX; n++) {
            List<byte[]> d = all.subList(0, n);
            Bytes root = Bytes.of(ReferenceTree.mth(d));
            for (int m = 0; m < n; m++) {
                checkInclusion(tree, all, d, root, m, n);
            }
        }
    }

    private static void checkInclusion(MerkleTree tree, List<byte[]> all, List<byte[]> d, Bytes root, int m, int n)
            throws Exception {
        InclusionProof p = MerkleProofs.inclusion(tree, m, n);
        assertThat(p.hashes()).as("PATH(%d, D[%d])", m, n).isEqualTo(ReferenceTree.wrap(ReferenceTree.path(m, d)));
        Bytes leaf = MerkleHash.leaf(all.get(m));
        p.verify(leaf, root);
        assertRejected(() -> ProofVerifier.verifyInclusion(m, n, MerkleHash.leaf(new byte[] {9}), p.hashes(), root));
        if (m + 1 < n) {
            assertRejected(() -> ProofVerifier.verifyInclusion(m + 1, n, leaf, p.hashes(), root));
        }
        for (int i = 0; i < p.hashes().size(); i++) {
            int ii = i;
            assertRejected(() -> ProofVerifier.verifyInclusion(m, n, leaf, flip(p.hashes(), ii), root));
            assertRejected(() -> ProofVerifier.verifyInclusion(m, n, leaf, drop(p.hashes(), ii), root));
        }
        assertRejected(() -> ProofVerifier.verifyInclusion(m, n, leaf, append(p.hashes(), leaf), root));
    }

    @Test
    void consistencyProofsMatchAndVerifyForEveryPair() throws Exception {
        List<byte[]> all = ReferenceTree.entries(MAX);
        MerkleTree tree = tree(all);
        for (int n = 1; n <= MAX; n++) {
            Bytes root2 = Bytes.of(ReferenceTree.mth(all.subList(0, n)));
            for (int m = 1; m <= n; m++) {
                checkConsistency(tree, all, root2, m, n);
            }
        }
    }

    private static void checkConsistency(MerkleTree tree, List<byte[]> all, Bytes root2, int m, int n) throws Exception {
        Bytes root1 = Bytes.of(ReferenceTree.mth(all.subList(0, m)));
        ConsistencyProof p = MerkleProofs.consistency(tree, m, n);
        List<Bytes> want = m == n ? List.of() : ReferenceTree.wrap(ReferenceTree.proof(m, all.subList(0, n)));
        assertThat(p.hashes()).as("PROOF(%d, D[%d])", m, n).isEqualTo(want);
        p.verify(root1, root2);
        Bytes otherRoot = flip(List.of(root1), 0).get(0);
        assertRejected(() -> ProofVerifier.verifyConsistency(m, n, otherRoot, root2, p.hashes()));
        assertRejected(() -> ProofVerifier.verifyConsistency(m, n, root1, otherRoot, p.hashes()));
        for (int i = 0; i < p.hashes().size(); i++) {
            int ii = i;
            assertRejected(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, flip(p.hashes(), ii)));
            assertRejected(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, drop(p.hashes(), ii)));
        }
        if (m < n) {
            assertRejected(() -> ProofVerifier.verifyConsistency(m, n, root1, root2, append(p.hashes(), root1)));
        }
    }

    @Test
    void aProofFromTheSecondTreeThatMissesTheFirstRootIsReportedAsInconsistent() throws Exception {
        List<byte[]> all = ReferenceTree.entries(20);
        MerkleTree tree = tree(all);
        List<byte[]> forked = new ArrayList<>(all.subList(0, 7));
        forked.set(3, new byte[] {42});
        Bytes forkedRoot = Bytes.of(ReferenceTree.mth(forked));
        ConsistencyProof p = MerkleProofs.consistency(tree, 7, 20);
        assertThatThrownBy(() -> p.verify(forkedRoot, tree.root()))
                .isInstanceOfSatisfying(ProofException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProofException.Reason.FIRST_ROOT_MISMATCH));
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(7, 7, forkedRoot, MerkleProofs.root(tree, 7), List.of()))
                .isInstanceOfSatisfying(ProofException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProofException.Reason.FIRST_ROOT_MISMATCH));
    }

    @Test
    void compactRangeReportsEveryCompleteSubtree() {
        CompactRange r = CompactRange.empty();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            r.append(MerkleHash.leaf(new byte[] {(byte) i}), (level, index, hash) -> seen.add(level + "/" + index));
        }
        assertThat(seen).containsExactly("0/0", "0/1", "1/0", "0/2", "0/3", "1/1", "2/0", "0/4", "0/5", "1/2",
                "0/6", "0/7", "1/3", "2/1", "3/0");
        CompactRange copy = r.copy();
        copy.append(MerkleHash.leaf(new byte[] {8}));
        assertThat(r.size()).isEqualTo(8);
        assertThat(copy.size()).isEqualTo(9);
        assertThat(copy.root()).isNotEqualTo(r.root());
    }

    @Test
    void malformedInputsAreRefused() {
        Bytes h = MerkleHash.leaf(new byte[0]);
        assertRejected(() -> ProofVerifier.verifyInclusion(0, 0, h, List.of(), h));
        assertRejected(() -> ProofVerifier.verifyInclusion(-1, 1, h, List.of(), h));
        assertRejected(() -> ProofVerifier.verifyInclusion(0, 1, Bytes.of(new byte[31]), List.of(), h));
        assertRejected(() -> ProofVerifier.verifyConsistency(0, 0, MerkleHash.EMPTY_ROOT, MerkleHash.EMPTY_ROOT, List.of()));
        assertRejected(() -> ProofVerifier.verifyConsistency(2, 1, h, h, List.of(h)));
        assertThatThrownBy(() -> new InclusionProof(0, 1, List.of(Bytes.of(new byte[3])))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusion(new MerkleTree(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(new MerkleTree(), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static MerkleTree tree(List<byte[]> entries) {
        MerkleTree t = new MerkleTree();
        entries.forEach(t::appendEntry);
        return t;
    }

    interface Check {
        void run() throws Exception;
    }

    static void assertRejected(Check c) {
        assertThatThrownBy(c::run).isInstanceOf(ProofException.class);
    }

    static List<Bytes> flip(List<Bytes> l, int i) {
        List<Bytes> out = new ArrayList<>(l);
        byte[] b = out.get(i).toArray();
        b[0] ^= 1;
        out.set(i, Bytes.wrap(b));
        return out;
    }

    static List<Bytes> drop(List<Bytes> l, int i) {
        List<Bytes> out = new ArrayList<>(l);
        out.remove(i);
        return out;
    }

    static List<Bytes> append(List<Bytes> l, Bytes h) {
        List<Bytes> out = new ArrayList<>(l);
        out.add(h);
        return out;
    }
}
