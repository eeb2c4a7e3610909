package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.tlog.TileBuilder;
import dev.virex.core.tlog.TreeAudit;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a data directory back to a consistent state at start, whatever moment the last run
 * stopped at (see docs/spec/log.md, "Recovery"): temporary files are removed; the published
 * checkpoint must verify with the log key; every tile and bundle is checked against it (which also
 * rebuilds the duplicate index); the journal's torn tail is cut; and the journaled entries beyond
 * the checkpoint are handed back for integration. Anything else damaged makes the log refuse to
 * start, with the reason, rather than serve it.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    static final long SEGMENT_BYTES = 64L << 20;

    record State(SignedCheckpoint checkpoint, TileBuilder builder, AntispamIndex antispam, Journal journal, List<Bytes> tail) {}

    private Recovery() {}

    static State run(LogConfig config, TileStore store) throws IOException {
        int temps = store.removeTemps();
        if (temps > 0) {
            log.info("recovery: removed {} temporary files of interrupted writes", temps);
        }
        SignedCheckpoint cp = checkpoint(config, store);
        long size = cp.checkpoint().size();
        AntispamIndex antispam = new AntispamIndex();
        try {
            new TreeAudit(store::readUncached).onLeaf((i, h) -> antispam.put(h, i)).verify(size, cp.checkpoint().rootHash());
        } catch (ProofException | IOException e) {
            throw new LogStateException("the tiles in " + store.root() + " do not match its checkpoint (tree size " + size
                    + "): " + e.getMessage() + "; restore the directory from a backup or a mirror", e);
        }
        TileBuilder builder = TileBuilder.resume(store, size);
        Journal.Recovered j = Journal.open(config.stateDir().resolve("journal"), size, SEGMENT_BYTES);
        if (!j.tail().isEmpty()) {
            log.info("recovery: {} journaled entries beyond the checkpoint (size {}) will be integrated", j.tail().size(), size);
        }
        return new State(cp, builder, antispam, j.journal(), j.tail());
    }

    private static SignedCheckpoint checkpoint(LogConfig config, TileStore store) throws IOException {
        Optional<byte[]> raw = store.readCheckpoint();
        if (raw.isEmpty()) {
            if (store.hasTiles()) {
                throw new LogStateException(store.root() + " has tiles but no checkpoint; refusing to start a new log over them");
            }
            byte[] empty = SignedCheckpoint.sign(new Checkpoint(config.origin(), 0, MerkleHash.EMPTY_ROOT), config.signer());
            store.writeCheckpoint(empty);
            log.info("created a new log {} in {}", config.origin(), store.root());
            raw = Optional.of(empty);
        }
        try {
            return SignedCheckpoint.open(raw.get(), config.origin(), config.verifier());
        } catch (NoteException | CheckpointFormatException e) {
            throw new LogStateException("the checkpoint file in " + store.root() + " is damaged or not signed by this log's key ("
                    + e.getMessage() + "); restore it from a backup or a mirror", e);
        }
    }
}
