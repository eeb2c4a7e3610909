package dev.virex.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.MerkleTree;
import dev.virex.core.note.SignerKey;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An in-memory log for witness tests: a Merkle tree, a key, signed checkpoints and requests. */
final class TestLog {
    static final String ORIGIN = "log.witness.test";
    static final SignerKey KEY = TestKeys.signer(ORIGIN);

    final MerkleTree tree = new MerkleTree();
    final SignerKey key;
    final String label;

    TestLog(SignerKey key, String label) {
        this.key = key;
        this.label = label;
    }

    TestLog() {
        this(KEY, "main");
    }

    TestLog grow(int n) {
        for (int i = 0; i < n; i++) {
            tree.appendEntry((label + " entry " + tree.size()).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    long size() {
        return tree.size();
    }

    Checkpoint checkpoint() {
        return new Checkpoint(key.name(), tree.size(), tree.root());
    }

    Bytes signed() {
        return Bytes.wrap(SignedCheckpoint.sign(checkpoint(), key.noteSigner()));
    }

    List<Bytes> proofFrom(long old) {
        if (old == 0 || old == tree.size()) {
            return List.of();
        }
        try {
            return MerkleProofs.consistency(tree, old, tree.size()).hashes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request a log would send to a witness that has cosigned up to {@code old}. */
    AddCheckpointRequest request(long old) {
        return new AddCheckpointRequest(old, proofFrom(old), signed());
    }
}
