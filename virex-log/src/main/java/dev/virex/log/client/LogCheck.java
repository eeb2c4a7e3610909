package dev.virex.log.client;

import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.tlog.TreeAudit;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import java.io.IOException;
import java.util.Optional;

/**
 * A full audit of any C2SP tlog-tiles log: the checkpoint's signature, every hash tile against the
 * signed root, every entry bundle against the level-0 tiles and, given an earlier checkpoint, that
 * the log still contains the tree it signed then (a split view otherwise).
 */
public final class LogCheck {
    /** What was verified. */
    public record Result(SignedCheckpoint checkpoint, TreeAudit.Report report, Optional<SignedCheckpoint> since) {}

    private LogCheck() {}

    public static Result run(LogReader log, String origin, NoteVerifier key, Optional<byte[]> since, TreeAudit.Progress progress)
            throws IOException, LogException, LogVerificationException, SplitViewException {
        SignedCheckpoint cp = open(log.checkpoint().toArray(), origin, key, "the log's checkpoint");
        Optional<SignedCheckpoint> earlier = Optional.empty();
        TreeAudit audit = new TreeAudit(log.tileReader()).onProgress(progress);
        if (since.isPresent()) {
            SignedCheckpoint old = open(since.get(), origin, key, "the earlier checkpoint");
            earlier = Optional.of(old);
            long m = old.checkpoint().size();
            long n = cp.checkpoint().size();
            if (m > n) {
                throw new LogVerificationException("the log's checkpoint (size " + n + ") is older than the earlier checkpoint (size "
                        + m + "): a stale mirror or cache, or the log rolled back");
            }
            if (m == n && !old.checkpoint().rootHash().equals(cp.checkpoint().rootHash())) {
                throw new SplitViewException("two different roots for the same tree size", old, cp);
            }
            audit.expectRoot(m, old.checkpoint().rootHash());
        }
        try {
            TreeAudit.Report report = audit.verify(cp.checkpoint().size(), cp.checkpoint().rootHash());
            return new Result(cp, report, earlier);
        } catch (ProofException e) {
            if (e.reason() == ProofException.Reason.FIRST_ROOT_MISMATCH && earlier.isPresent()) {
                throw new SplitViewException("the log's tree does not contain the tree of the earlier checkpoint", earlier.get(), cp);
            }
            throw new LogVerificationException(e.getMessage(), e);
        } catch (TileFormatException e) {
            throw new LogVerificationException("malformed tile or bundle: " + e.getMessage(), e);
        }
    }

    private static SignedCheckpoint open(byte[] note, String origin, NoteVerifier key, String what) throws LogVerificationException {
        try {
            return SignedCheckpoint.open(note, origin, key);
        } catch (NoteException | CheckpointFormatException e) {
            throw new LogVerificationException(what + " does not verify: " + e.getMessage(), e);
        }
    }
}
