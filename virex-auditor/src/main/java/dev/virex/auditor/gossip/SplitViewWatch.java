package dev.virex.auditor.gossip;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks checkpoints of the audited log seen elsewhere (other auditors, witnesses' monitoring
 * endpoints) against the auditor's own verified view: two checkpoints signed by the log are a
 * split view if they have the same size and different roots, or if this log's tiles give no valid
 * consistency proof between them (RFC 9162 section 2.1.4.2). A split view is a violation carrying
 * both checkpoints. A checkpoint larger than the auditor's view cannot be decided yet: it waits
 * (at most {@link #MAX_PENDING}) until the auditor's view reaches its size.
 */
public final class SplitViewWatch {
    private static final Logger log = LoggerFactory.getLogger(SplitViewWatch.class);
    static final int MAX_PENDING = 16;

    private record Seen(SignedCheckpoint checkpoint, String from) {}

    private final String origin;
    private final NoteVerifier logKey;
    private final AuditSink sink;
    private final List<Seen> pending = new ArrayList<>();

    public SplitViewWatch(String origin, NoteVerifier logKey, AuditSink sink) {
        this.origin = origin;
        this.logKey = logKey;
        this.sink = sink;
    }

    /** Checks a checkpoint received from {@code from}; ignores anything not signed by the log. */
    public void offer(Bytes raw, String from, LogFollower view) {
        SignedCheckpoint cp;
        try {
            cp = SignedCheckpoint.open(raw.toArray(), origin, logKey);
        } catch (NoteException | CheckpointFormatException e) {
            log.debug("ignoring a checkpoint from {} that is not this log's: {}", from, e.getMessage());
            return;
        }
        if (!check(new Seen(cp, from), view)) {
            pending.removeIf(s -> s.checkpoint().raw().equals(cp.raw()));
            pending.add(new Seen(cp, from));
            while (pending.size() > MAX_PENDING) {
                pending.remove(0);
            }
        }
    }

    /** Checks again what waited for the auditor's view to grow. */
    public void recheck(LogFollower view) {
        pending.removeIf(s -> check(s, view));
    }

    /** Whether the checkpoint could be decided (consistent, or a split view reported). */
    private boolean check(Seen s, LogFollower view) {
        long ours = view.checkpoint().map(c -> c.checkpoint().size()).orElse(-1L);
        if (ours < 0) {
            return false;
        }
        try {
            view.checkConsistent(s.checkpoint());
            return true;
        } catch (SplitViewException e) {
            sink.finding(Finding.of("split-view", Finding.Severity.VIOLATION, "log " + origin + " signed inconsistent checkpoints of sizes "
                            + e.first().checkpoint().size() + " and " + e.second().checkpoint().size() + " (one seen at " + s.from() + ")",
                    List.of(), List.of(new Finding.Evidence("checkpoint", e.first().raw()), new Finding.Evidence("checkpoint", e.second().raw()))));
            return true;
        } catch (LogVerificationException | IOException e) {
            if (s.checkpoint().checkpoint().size() <= ours) {
                // Within our verified view the tiles should always answer: a log or network fault.
                log.warn("cannot check a checkpoint of size {} from {} against the log yet: {}", s.checkpoint().checkpoint().size(),
                        s.from(), e.getMessage());
            }
            return false; // undecided: tried again once the view grows
        }
    }
}
