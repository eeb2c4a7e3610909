package dev.virex.node.follow;

import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.FoldException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifierKey;
import dev.virex.log.LogException;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import dev.virex.node.routing.RoutingTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's follower of the federation's log (docs/spec/nodes.md, "Follower"): each
 * {@link #pollOnce} folds every new verified batch ({@link DirectoryFollower}) behind a witness
 * quorum ({@link WitnessedLog}), swaps the routing table atomically after each batch, tells the
 * listeners, and persists the state. A split view or a bad entry raises an {@link Alarm} and stops
 * it for good; network failures and unverifiable answers are retried at the next poll.
 */
public final class NodeFollower {
    private static final Logger log = LoggerFactory.getLogger(NodeFollower.class);
    /** How often a policy without witnesses is complained about again. */
    static final Duration NO_WITNESS_WARNING = Duration.ofMinutes(10);

    private final WitnessedLog source;
    private final NoteVerifier logKey;
    private final VerifierKey federation;
    private final Optional<StatePersister> store;
    private final Clock clock;
    private final int maxBatch;
    private final int maxEntriesPerPoll;
    private final FollowerStats stats = new FollowerStats();
    private final List<FollowerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<RoutingTable> table;
    private final AtomicReference<Alarm> alarm = new AtomicReference<>();
    private volatile Directory directory;
    private volatile SignedCheckpoint checkpoint;
    private volatile String lastError;
    private volatile Instant lastSuccess;
    private DirectoryFollower follower;
    private Instant lastWitnessWarning;

    /**
     * @param start where to begin (persisted state or a verified snapshot); empty: from genesis
     * @param federation the federation group key the genesis entry must carry
     */
    public NodeFollower(WitnessedLog source, NoteVerifier logKey, VerifierKey federation, Optional<FollowerState> start,
                        Optional<StateStore> store, FollowerSettings settings) {
        this.source = source;
        this.logKey = logKey;
        this.federation = federation;
        this.store = store.map(s -> new StatePersister(s, settings.persistence(), stats.persistFailures));
        this.clock = settings.clock();
        this.maxBatch = settings.maxBatch();
        this.maxEntriesPerPoll = settings.maxEntriesPerPoll();
        this.directory = start.map(FollowerState::directory).orElse(null);
        this.checkpoint = start.map(FollowerState::checkpoint).orElse(null);
        this.table = new AtomicReference<>(directory == null ? RoutingTable.empty() : RoutingTable.of(directory));
        if (source.policy().requiresNoWitnesses()) {
            lastWitnessWarning = clock.instant();
            log.warn("the trust policy requires NO witness cosignatures ('quorum none'): a log showing this node a "
                    + "different history than others would go unnoticed. Configure witnesses and a quorum.");
        }
    }

    public void addListener(FollowerListener l) {
        listeners.add(l);
    }

    /** One round: fold what is new (at most {@code maxEntriesPerPoll} entries). Never throws. */
    public synchronized void pollOnce() {
        if (alarm.get() != null) {
            return;
        }
        warnIfNoWitnesses();
        stats.polls.increment();
        boolean committed = false;
        try {
            if (follower == null) {
                follower = directory == null ? DirectoryFollower.fromGenesis(source, logKey, federation, maxBatch)
                        : DirectoryFollower.resume(source, logKey, directory, checkpoint, maxBatch);
            }
            long folded = 0;
            for (Optional<DirectoryFollower.Update> u; folded < maxEntriesPerPoll && (u = follower.next()).isPresent(); ) {
                commit(u.get());
                committed = true;
                folded += u.get().outcomes().size();
                if (u.get().directory().logSize() == u.get().checkpoint().checkpoint().size()) {
                    break; // caught up with the accepted checkpoint; anything newer comes at the next poll
                }
            }
            recovered();
        } catch (SplitViewException e) {
            raise(Alarm.Kind.SPLIT_VIEW, e.getMessage());
            evidence(e);
        } catch (FoldException e) {
            raise(Alarm.Kind.BAD_ENTRY, e.getMessage());
        } catch (LogVerificationException | IOException | LogException e) {
            failed(e);
        } finally {
            if (committed) {
                persist();
            }
        }
    }

    private void commit(DirectoryFollower.Update u) {
        RoutingTable before = table.get();
        RoutingTable after = RoutingTable.of(u.directory());
        directory = u.directory();
        checkpoint = u.checkpoint();
        table.set(after);
        stats.batches.increment();
        stats.entries.add(u.outcomes().size());
        u.outcomes().stream().filter(o -> !o.applied()).forEach(o -> {
            stats.anomalies.increment();
            log.warn("log entry {} ({}) did not apply: {}", o.index(), o.decision().kind().wire(), o.anomaly().orElseThrow());
        });
        for (FollowerListener l : listeners) {
            try {
                l.updated(before, after, u);
            } catch (RuntimeException e) {
                log.error("routing table listener failed", e);
            }
        }
    }

    private void persist() {
        store.ifPresent(s -> s.submit(new FollowerState(checkpoint, directory)));
    }

    /** Writes the state now if a write is pending (at shutdown). */
    public void flush() {
        store.ifPresent(StatePersister::flush);
    }

    private void raise(Alarm.Kind kind, String message) {
        if (alarm.compareAndSet(null, new Alarm(kind, message, clock.instant()))) {
            log.error("ALARM: stopped following log {}: {}: {}. Keeping the last verified directory (log size {}).",
                    logKey.name(), kind.wire(), message, directory == null ? 0 : directory.logSize());
        }
    }

    private void evidence(SplitViewException e) {
        if (store.isEmpty()) {
            return;
        }
        String both = e.first().raw().toBase64() + "\n" + e.second().raw().toBase64() + "\n";
        try {
            var file = store.get().store().saveEvidence("split-view-" + clock.instant().getEpochSecond() + ".txt",
                    both.getBytes(StandardCharsets.US_ASCII));
            log.error("split-view evidence (the two signed checkpoints, base64) saved to {}", file);
        } catch (IOException io) {
            log.error("cannot save split-view evidence: {}", io.toString());
        }
    }

    private void failed(Exception e) {
        stats.failures.increment();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!message.equals(lastError)) {
            log.warn("following log {} failed, retrying at the next poll: {}", logKey.name(), message);
        }
        lastError = message;
    }

    private void recovered() {
        if (lastError != null) {
            log.info("following log {} again at size {}", logKey.name(), directory == null ? 0 : directory.logSize());
        }
        lastError = null;
        lastSuccess = clock.instant();
    }

    private void warnIfNoWitnesses() {
        Instant now = clock.instant();
        if (lastWitnessWarning != null && !now.isBefore(lastWitnessWarning.plus(NO_WITNESS_WARNING))) {
            lastWitnessWarning = now;
            log.warn("still following log {} without any witness quorum ('quorum none' policy)", logKey.name());
        }
    }

    public RoutingTable table() {
        return table.get();
    }

    public Optional<Directory> directory() {
        return Optional.ofNullable(directory);
    }

    public Optional<SignedCheckpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    public Optional<Alarm> alarm() {
        return Optional.ofNullable(alarm.get());
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public WitnessedLog source() {
        return source;
    }

    public FollowerStats stats() {
        return stats;
    }
}
