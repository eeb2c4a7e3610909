package dev.virex.cli.demo;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.FoldOutcome;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.entry.EntryException;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.log.LogException;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import dev.virex.log.http.HttpLogClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The demo's own reader of the log, as any outsider would read it: it follows only checkpoints
 * with the witness quorum, verifies every batch against the signed tree, and folds every entry
 * with the federation's group key. The narrative takes each decision's log index from here, and
 * when it first saw it.
 */
final class LogWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(50);

    /** A folded entry, the members whose shares made its signature, and when this reader saw it. */
    record Seen(long index, Decision decision, List<String> signers, Optional<String> anomaly, long seenNanos, Instant seenAt) {}

    private final LogFollower follower;
    private final DirectoryFold fold;
    private final List<Seen> seen = new ArrayList<>();
    private final Map<Long, Bytes> digests = new HashMap<>();
    private final Thread thread;
    private GroupKey group;
    private volatile Directory directory;
    private volatile String fatal;
    private volatile boolean stopping;

    private LogWatch(URI logUrl, VerifierKey logKey, VerifierKey group, TlogPolicy policy) {
        this.follower = LogFollower.fromStart(new HttpLogClient(logUrl), logKey.name(), logKey.noteVerifier(), 256)
                .requireWitnesses(policy);
        this.fold = DirectoryFold.fromGenesis(group);
        this.thread = Thread.ofPlatform().daemon().name("virex-demo-logwatch").unstarted(this::loop);
    }

    /** Starts following the log at {@code logUrl} from its first entry. */
    static LogWatch start(URI logUrl, VerifierKey logKey, VerifierKey group, TlogPolicy policy) {
        LogWatch w = new LogWatch(logUrl, logKey, group, policy);
        w.thread.start();
        return w;
    }

    private void loop() {
        while (!stopping) {
            try {
                Optional<LogFollower.Batch> b = follower.next();
                if (b.isPresent()) {
                    apply(b.get());
                    continue;
                }
            } catch (IOException | LogException e) {
                // the log is busy or briefly unreachable: read again at the next poll
            } catch (LogVerificationException | SplitViewException | FoldException | EntryException e) {
                fatal = "the log does not verify: " + e.getMessage();
                synchronized (this) {
                    notifyAll();
                }
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void apply(LogFollower.Batch b) throws FoldException, EntryException {
        for (Bytes e : b.entries()) {
            FoldOutcome o = fold.apply(e.toArray());
            if (o.decision() instanceof FederationKey fk && o.applied()) {
                try {
                    group = DecisionEntry.groupOf(fk);
                } catch (FrostException x) {
                    throw new FoldException(o.index(), "the federation key's shares do not form a FROST group: " + x.getMessage());
                }
            }
            // Who signed: the FROST attestation, checked share by share against the members' verifying shares.
            List<String> signers = DecisionEntry.open(e.toArray(), group).signers();
            Directory d = fold.directory();
            Seen s = new Seen(o.index(), o.decision(), signers, o.anomaly(), System.nanoTime(), Instant.now());
            synchronized (this) {
                directory = d;
                digests.put(d.logSize(), d.digest());
                seen.add(s);
                notifyAll();
            }
        }
    }

    /** The first entry at {@code from} or later that matches, waiting for it up to {@code timeout}. */
    Seen await(long from, Duration timeout, String what, Predicate<Seen> match) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            for (int i = (int) Math.max(0, from); ; ) {
                for (; i < seen.size(); i++) {
                    if (match.test(seen.get(i))) {
                        return seen.get(i);
                    }
                }
                if (fatal != null) {
                    throw new DemoFailure(fatal);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DemoFailure("no " + what + " in the log after " + timeout.toSeconds() + " s (log size " + seen.size() + ")");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Entries folded so far. */
    synchronized long size() {
        return seen.size();
    }

    synchronized List<Seen> since(long from) {
        return List.copyOf(seen.subList((int) Math.min(from, seen.size()), seen.size()));
    }

    /** The latest verified directory; fails the demo before genesis. */
    Directory directory() {
        Directory d = directory;
        DemoFailure.check(d != null, "the log has no genesis yet");
        return d;
    }

    /** SHA-256 of the directory text after the first {@code size} entries, as this reader folded it. */
    synchronized Optional<Bytes> digestAt(long size) {
        return Optional.ofNullable(digests.get(size));
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(Duration.ofSeconds(5));
    }
}
