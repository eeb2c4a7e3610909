package dev.virex.node.follow;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.note.NoteException;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.tlog.TilePath;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A log as a node may follow it: only checkpoints that carry the witness quorum of the configured
 * C2SP tlog-policy get through. A newer checkpoint without the quorum is not followed: the last
 * checkpoint that had it is answered instead (so the follower sees no growth), and the refusal is
 * counted and kept for the health endpoint. Tiles pass through unchanged (they are verified
 * against the accepted checkpoint by the follower).
 */
public final class WitnessedLog implements LogReader {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessedLog.class);

    private final LogReader log;
    private final TlogPolicy policy;
    private volatile Bytes accepted;
    private volatile Bytes lastSeen;
    private volatile String refusal;
    private final AtomicLong refused = new AtomicLong();

    /** @param accepted the checkpoint accepted earlier (persisted state or bootstrap), if any */
    public WitnessedLog(LogReader log, TlogPolicy policy, Optional<Bytes> accepted) {
        this.log = log;
        this.policy = policy;
        this.accepted = accepted.orElse(null);
    }

    @Override
    public Bytes checkpoint() throws IOException, LogException {
        Bytes raw = log.checkpoint();
        if (raw.equals(accepted)) {
            return raw;
        }
        if (raw.equals(lastSeen)) {
            return refuse(refusal); // the same unwitnessed checkpoint again (a 304): no need to re-verify
        }
        lastSeen = raw;
        WitnessedCheckpoint w;
        try {
            // C2SP tlog-policy: a checkpoint is acted on only when the quorum of witnesses cosigned it.
            w = WitnessedCheckpoint.open(raw.toArray(), policy);
        } catch (NoteException | CheckpointFormatException e) {
            lastSeen = null;
            throw new IOException("the log's checkpoint does not verify under the policy: " + e.getMessage(), e);
        }
        if (!w.failed().isEmpty()) {
            LOG.warn("bad cosignatures on the log's checkpoint from {}", w.failed());
        }
        if (!w.quorumMet()) {
            refused.incrementAndGet();
            LOG.warn("not following {}", w.describe());
            return refuse(w.describe());
        }
        accepted = raw;
        refusal = null;
        return raw;
    }

    private Bytes refuse(String why) throws IOException {
        refusal = why;
        Bytes a = accepted;
        if (a == null) {
            throw new IOException("no checkpoint with the witness quorum yet: " + why);
        }
        return a;
    }

    @Override
    public Bytes tile(TilePath path) throws IOException, LogException {
        return log.tile(path);
    }

    /** Why the log's latest checkpoint is not followed, while it is not. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** How many distinct checkpoints were refused for lack of quorum. */
    public long refusedCount() {
        return refused.get();
    }

    public TlogPolicy policy() {
        return policy;
    }
}
