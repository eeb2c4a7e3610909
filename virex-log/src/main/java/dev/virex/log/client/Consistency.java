package dev.virex.log.client;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TileNodeReader;
import dev.virex.core.tlog.TileReader;
import java.io.IOException;

/**
 * Checks that two checkpoints of one log are consistent, with a consistency proof computed from
 * the larger tree's tiles (so any tlog-tiles log can be checked) and verified per RFC 9162
 * section 2.1.4.2 against the larger root and the prefix root read from the same tiles. If that
 * fails, the tiles are bad (nothing is proven); if it holds but the prefix root differs from the
 * smaller signed root, the log signed two inconsistent trees: a split view.
 */
final class Consistency {
    private Consistency() {}

    static void check(TileReader tiles, SignedCheckpoint a, SignedCheckpoint b)
            throws IOException, LogVerificationException, SplitViewException {
        SignedCheckpoint older = a.checkpoint().size() <= b.checkpoint().size() ? a : b;
        SignedCheckpoint newer = older == a ? b : a;
        long m = older.checkpoint().size();
        long n = newer.checkpoint().size();
        Bytes r1 = older.checkpoint().rootHash();
        Bytes r2 = newer.checkpoint().rootHash();
        if (m == 0) {
            if (!r1.equals(MerkleHash.EMPTY_ROOT)) {
                throw new SplitViewException("a checkpoint of the empty tree with a root that is not the empty root", older, newer);
            }
            return;
        }
        if (m == n) {
            if (!r1.equals(r2)) {
                throw new SplitViewException("two different roots for the same tree size", a, b);
            }
            return;
        }
        Bytes prefixRoot;
        try {
            TileNodeReader nodes = new TileNodeReader(tiles, n);
            ConsistencyProof p = MerkleProofs.consistency(nodes, m, n);
            prefixRoot = MerkleProofs.root(nodes, m);
            // Verified against the larger signed root, the proof authenticates the root of that
            // tree's first m entries as read from its tiles (RFC 9162 section 2.1.4.2) ...
            p.verify(prefixRoot, r2);
        } catch (TileFormatException e) {
            throw new LogVerificationException("malformed tile: " + e.getMessage(), e);
        } catch (ProofException e) {
            throw new LogVerificationException("the log's tiles do not match its checkpoint of size " + n + ": " + e.getMessage(), e);
        }
        // ... so a smaller signed root that differs from it proves two inconsistent trees.
        if (!prefixRoot.equals(r1)) {
            throw new SplitViewException("the larger tree does not contain the smaller one", older, newer);
        }
    }
}
