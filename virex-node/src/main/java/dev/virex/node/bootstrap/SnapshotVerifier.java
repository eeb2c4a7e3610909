package dev.virex.node.bootstrap;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TlogProof;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.entry.EntryException;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.node.follow.FollowerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Verifies a directory snapshot bundle, so that a new node or a client starts from the latest
 * snapshot instead of replaying the log from genesis (docs/spec/nodes.md, "Bootstrap"). The one
 * place that does it; clients reuse it.
 */
public final class SnapshotVerifier {
    /** A verified snapshot: the directory of the first {@code index} entries and the checkpoint that proves it. */
    public record Verified(long index, Directory directory, WitnessedCheckpoint checkpoint, DecisionEntry entry) {
        /** Where a follower resumes: the directory under the proof's checkpoint. */
        public FollowerState state() {
            return new FollowerState(checkpoint.checkpoint(), directory);
        }
    }

    private SnapshotVerifier() {}

    public static Verified verify(SnapshotBundle b, TlogPolicy policy, VerifierKey federation) throws SnapshotException {
        TlogProof proof;
        try {
            proof = TlogProof.parse(b.proof().toArray());
        } catch (TileFormatException e) {
            throw new SnapshotException(SnapshotException.Reason.MALFORMED, "proof: " + e.getMessage(), e);
        }
        if (proof.index() != b.index()) {
            throw new SnapshotException(SnapshotException.Reason.MISMATCH, "the proof is for index " + proof.index() + ", not " + b.index());
        }
        WitnessedCheckpoint cp;
        try {
            // C2SP tlog-proof step 2 and 3: a checkpoint of a log the policy trusts, with the witness quorum.
            cp = WitnessedCheckpoint.open(proof.checkpoint().toArray(), policy);
            String origin = cp.checkpoint().checkpoint().origin();
            VerifierKey logKey = policy.log(origin).orElseThrow().key();
            // tlog-proof step 4 (RFC 9162 section 2.1.3.2): the entry is at index in that tree.
            proof.verify(MerkleHash.leaf(b.entry()), origin, logKey.noteVerifier());
        } catch (NoteException | CheckpointFormatException e) {
            throw new SnapshotException(SnapshotException.Reason.BAD_PROOF, "the proof's checkpoint does not verify: " + e.getMessage(), e);
        } catch (ProofException e) {
            throw new SnapshotException(SnapshotException.Reason.BAD_PROOF, "the entry is not included: " + e.getMessage(), e);
        }
        if (!cp.quorumMet()) {
            throw new SnapshotException(SnapshotException.Reason.NO_QUORUM, cp.describe());
        }
        Directory dir;
        try {
            dir = Directory.parse(b.directory());
        } catch (DecisionFormatException e) {
            throw new SnapshotException(SnapshotException.Reason.MALFORMED, "directory: " + e.getMessage(), e);
        }
        if (!dir.federation().group().equals(federation)) {
            throw new SnapshotException(SnapshotException.Reason.MISMATCH,
                    "the snapshot's federation key is " + dir.federation().group().encode() + ", not the configured one");
        }
        DecisionEntry entry = open(b.entry(), dir);
        if (!(entry.decision() instanceof DirectorySnapshot s)) {
            throw new SnapshotException(SnapshotException.Reason.MISMATCH, "entry " + b.index() + " is a "
                    + entry.decision().kind().wire() + " decision, not a directory snapshot");
        }
        if (s.logSize() != b.index() || dir.logSize() != b.index()) {
            throw new SnapshotException(SnapshotException.Reason.MISMATCH, "the snapshot covers " + s.logSize()
                    + " entries and the directory " + dir.logSize() + ", but sits at index " + b.index());
        }
        if (!s.digest().equals(sha256(b.directory())) || s.nodes() != dir.nodes().size()) {
            throw new SnapshotException(SnapshotException.Reason.MISMATCH, "the directory's digest or node count is not the snapshot's");
        }
        return new Verified(b.index(), dir, cp, entry);
    }

    /** The entry as a decision signed and attested by the directory's federation group. */
    private static DecisionEntry open(Bytes entry, Directory dir) throws SnapshotException {
        GroupKey group;
        try {
            group = DecisionEntry.groupOf(dir.federation());
        } catch (FrostException e) {
            throw new SnapshotException(SnapshotException.Reason.MALFORMED, "the directory's federation group: " + e.getMessage(), e);
        }
        try {
            return DecisionEntry.open(entry.toArray(), group);
        } catch (EntryException e) {
            throw new SnapshotException(SnapshotException.Reason.BAD_SIGNATURE, "snapshot entry: " + e.getMessage(), e);
        }
    }

    static Bytes sha256(String text) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
