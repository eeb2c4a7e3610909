package dev.virex.node.follow;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.FoldOutcome;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifierKey;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory as a node follows it: verified batches from a {@link LogFollower} (checkpoint
 * signature, consistency with the last accepted checkpoint, entries proven against its root)
 * folded with the federation's own {@link DirectoryFold}, one whole batch at a time. A batch is
 * folded on a copy of the committed directory and committed only when every entry folded; an entry
 * that is not a decision signed by the federation's current group key throws {@link FoldException}
 * and leaves the committed state as it was. Not thread-safe: one poller owns it.
 */
public final class DirectoryFollower {
    /** A committed batch: the directory after it, the checkpoint it was proven against, what each entry did. */
    public record Update(Directory directory, SignedCheckpoint checkpoint, List<FoldOutcome> outcomes) {
        public Update {
            outcomes = List.copyOf(outcomes);
        }
    }

    private final LogFollower log;
    private final VerifierKey genesis;
    private Directory directory;
    private SignedCheckpoint checkpoint;

    private DirectoryFollower(LogFollower log, VerifierKey genesis, Directory directory, SignedCheckpoint checkpoint) {
        this.log = log;
        this.genesis = genesis;
        this.directory = directory;
        this.checkpoint = checkpoint;
    }

    /** Follows the log from entry 0, whose genesis decision must be for {@code federation}. */
    public static DirectoryFollower fromGenesis(LogReader log, NoteVerifier logKey, VerifierKey federation, int maxBatch) {
        return new DirectoryFollower(LogFollower.fromStart(log, logKey.name(), logKey, maxBatch), federation, null, null);
    }

    /**
     * Resumes from a directory verified earlier (persisted state, or a bootstrap snapshot) and the
     * checkpoint that proved it; the log's tiles must show that checkpoint's tree extends to now.
     */
    public static DirectoryFollower resume(LogReader log, NoteVerifier logKey, Directory directory, SignedCheckpoint checkpoint,
                                           int maxBatch) throws IOException, LogVerificationException {
        if (directory.logSize() > checkpoint.checkpoint().size()) {
            throw new IllegalArgumentException("the directory covers " + directory.logSize() + " entries, its checkpoint only "
                    + checkpoint.checkpoint().size());
        }
        LogFollower f = LogFollower.resume(log, logKey.name(), logKey, checkpoint, directory.logSize(), maxBatch);
        return new DirectoryFollower(f, directory.federation().group(), directory, checkpoint);
    }

    /** The committed directory; empty before the genesis entry was folded. */
    public Optional<Directory> directory() {
        return Optional.ofNullable(directory);
    }

    /** The checkpoint the committed directory was proven against. */
    public Optional<SignedCheckpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /**
     * Fetches, verifies and folds the next batch of new entries and commits it; empty when the
     * log has nothing new under an accepted checkpoint.
     *
     * @throws SplitViewException the log showed two inconsistent trees
     * @throws FoldException an entry is not a decision signed by the federation; nothing of its batch is applied
     * @throws LogVerificationException the log's answer does not verify (nothing is applied; may be transient)
     */
    public Optional<Update> next() throws IOException, LogException, LogVerificationException, SplitViewException, FoldException {
        Optional<LogFollower.Batch> batch = log.next();
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        LogFollower.Batch b = batch.get();
        DirectoryFold fold = directory == null ? DirectoryFold.fromGenesis(genesis) : DirectoryFold.resume(directory);
        if (fold.size() != b.firstIndex()) {
            throw new IllegalStateException("batch starts at " + b.firstIndex() + ", the fold is at " + fold.size());
        }
        List<FoldOutcome> outcomes = new ArrayList<>(b.entries().size());
        for (Bytes entry : b.entries()) {
            outcomes.add(fold.apply(entry.toArray()));
        }
        directory = fold.directory();
        checkpoint = b.checkpoint();
        return Optional.of(new Update(directory, checkpoint, outcomes));
    }
}
