package dev.virex.federation.ledger;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.FoldOutcome;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.tlog.TlogProof;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's view of the log: it follows the log with {@link LogFollower} (every checkpoint,
 * consistency and batch verified; optionally a witness quorum, C2SP tlog-policy) and folds every
 * entry with {@link DirectoryFold}. The log is the truth for state: the directory, which decisions
 * exist (by {@link Subjects subject}), the latest directory snapshot. Thread-safe.
 */
public final class LogView {
    /** A decision in the log. */
    public record Logged(long index, Bytes entry, Decision decision, boolean applied) {}

    /** The latest applied directory snapshot: its entry and the directory text it hashes. */
    public record Snapshot(long index, Bytes entry, String directoryText, Instant time) {}

    private final TransparencyLog log;
    private final LogFollower follower;
    private final DirectoryFold fold;
    private final Optional<TlogPolicy> witnesses;
    private final Map<String, List<Logged>> bySubject = new HashMap<>();
    private volatile Directory directory;
    private volatile Snapshot snapshot;
    private volatile int changesSinceSnapshot;
    private volatile String problem = "";
    private LogFollower.Batch held;

    public LogView(TransparencyLog log, VerifierKey logKey, VerifierKey groupKey, Optional<TlogPolicy> witnesses) {
        this.log = log;
        this.follower = LogFollower.fromStart(log, logKey.name(), logKey.noteVerifier(), 1024);
        this.fold = DirectoryFold.fromGenesis(groupKey);
        this.witnesses = witnesses;
    }

    /** Reads and folds everything new in the log (witnessed, when a policy is set). */
    public synchronized void sync() throws LogViewException {
        try {
            while (true) {
                if (held != null) {
                    if (!witnessed(follower.refresh())) {
                        return;
                    }
                    apply(held);
                    held = null;
                }
                Optional<LogFollower.Batch> b = follower.next();
                if (b.isEmpty()) {
                    problem = "";
                    return;
                }
                if (!witnessed(b.get().checkpoint())) {
                    held = b.get();
                    return;
                }
                apply(b.get());
            }
        } catch (IOException | LogException | LogVerificationException | SplitViewException | FoldException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new LogViewException("log: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** {@link #sync()}, keeping the current view when the log cannot be read (the problem is kept for status). */
    public void refresh() {
        try {
            sync();
        } catch (LogViewException e) {
            // problem() says why; callers answer from the view they have
        }
    }

    private boolean witnessed(SignedCheckpoint cp) throws LogViewException {
        if (witnesses.isEmpty()) {
            return true;
        }
        try {
            // C2SP tlog-policy: act only on a checkpoint whose witness cosignatures (C2SP tlog-cosignature) meet the quorum.
            WitnessedCheckpoint w = WitnessedCheckpoint.open(cp.raw().toArray(), witnesses.get());
            problem = w.quorumMet() ? "" : w.describe();
            return w.quorumMet();
        } catch (NoteException | dev.virex.core.checkpoint.CheckpointFormatException e) {
            throw new LogViewException("checkpoint against the witness policy: " + e.getMessage(), e);
        }
    }

    private void apply(LogFollower.Batch batch) throws FoldException {
        long index = batch.firstIndex();
        for (Bytes entry : batch.entries()) {
            Decision peek = peek(entry);
            String before = peek != null && peek.kind() == DecisionKind.DIRECTORY && fold.size() > 0 ? fold.directory().text() : null;
            FoldOutcome o = fold.apply(entry.toArray());
            Logged l = new Logged(index, entry, o.decision(), o.applied());
            bySubject.computeIfAbsent(Subjects.of(o.decision()), k -> new ArrayList<>()).add(l);
            if (o.applied()) {
                switch (o.decision().kind()) {
                    case DIRECTORY -> {
                        snapshot = new Snapshot(index, entry, before, o.decision().time());
                        changesSinceSnapshot = 0;
                    }
                    case JOIN_REJECTED -> { }
                    default -> changesSinceSnapshot++;
                }
            }
            directory = fold.directory();
            index++;
        }
    }

    private static Decision peek(Bytes entry) {
        try {
            return Decisions.parse(Note.parse(entry.toArray(), Decision.MAX_TEXT + 256 * 1024).text());
        } catch (NoteException | DecisionFormatException e) {
            return null;
        }
    }

    /** The directory after every entry folded so far; empty before the genesis entry. */
    public Optional<Directory> directory() {
        return Optional.ofNullable(directory);
    }

    public synchronized long size() {
        return fold.size();
    }

    /** Decisions about {@code subject}, in log order (anomalies included, marked not applied). */
    public synchronized List<Logged> decisions(String subject) {
        return List.copyOf(bySubject.getOrDefault(subject, List.of()));
    }

    /** The first applied decision about {@code subject}, if any. */
    public Optional<Logged> decided(String subject) {
        return decisions(subject).stream().filter(Logged::applied).findFirst();
    }

    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** Applied decisions that changed the directory since the latest snapshot. */
    public int changesSinceSnapshot() {
        return changesSinceSnapshot;
    }

    /** Why the view is stuck (unreachable log, failed verification, quorum not met), or "". */
    public String problem() {
        return problem;
    }

    /** Appends a signed decision to the log; returns its index and, if integrated in time, its receipt. */
    public AddResult append(byte[] entry) throws IOException, LogException {
        return log.add(Bytes.wrap(entry));
    }

    /** A C2SP tlog-proof of entry {@code index} against the log's current checkpoint. */
    public TlogProof receipt(long index) throws IOException, LogException {
        return log.receipt(index);
    }
}
