package dev.virex.node.net;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TlogProof;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The log as nodes reach it in tests: the real log behind it, or a fork of it (a split view), or
 * nothing (down). Counts the read requests.
 */
final class SwitchableLog implements TransparencyLog {
    private final AtomicReference<TransparencyLog> target;
    final AtomicLong checkpoints = new AtomicLong();
    final AtomicLong tiles = new AtomicLong();

    SwitchableLog(TransparencyLog initial) {
        target = new AtomicReference<>(initial);
    }

    void switchTo(TransparencyLog log) {
        target.set(log);
    }

    void down() {
        target.set(null);
    }

    private TransparencyLog t() throws LogException {
        TransparencyLog l = target.get();
        if (l == null) {
            throw new LogException(LogException.Kind.UNAVAILABLE, "the test log is down");
        }
        return l;
    }

    @Override
    public Bytes checkpoint() throws IOException, LogException {
        checkpoints.incrementAndGet();
        return t().checkpoint();
    }

    @Override
    public Bytes tile(TilePath path) throws IOException, LogException {
        tiles.incrementAndGet();
        return t().tile(path);
    }

    @Override
    public AddResult add(Bytes entry) throws IOException, LogException {
        return t().add(entry);
    }

    @Override
    public InclusionProof inclusionProof(long index, long size) throws IOException, LogException {
        return t().inclusionProof(index, size);
    }

    @Override
    public ConsistencyProof consistencyProof(long size1, long size2) throws IOException, LogException {
        return t().consistencyProof(size1, size2);
    }

    @Override
    public TlogProof receipt(long index) throws IOException, LogException {
        return t().receipt(index);
    }
}
