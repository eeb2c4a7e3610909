package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TlogProof;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.TransparencyLog;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/** The log as served to followers, counting the read requests they make (checkpoint, tiles). */
final class CountingLog implements TransparencyLog {
    final TransparencyLog log;
    final LongAdder checkpoints = new LongAdder();
    final LongAdder tiles = new LongAdder();

    CountingLog(TransparencyLog log) {
        this.log = log;
    }

    long requests() {
        return checkpoints.sum() + tiles.sum();
    }

    @Override
    public Bytes checkpoint() throws IOException, LogException {
        checkpoints.increment();
        return log.checkpoint();
    }

    @Override
    public Bytes tile(TilePath path) throws IOException, LogException {
        tiles.increment();
        return log.tile(path);
    }

    @Override
    public AddResult add(Bytes entry) throws IOException, LogException {
        return log.add(entry);
    }

    @Override
    public InclusionProof inclusionProof(long index, long size) throws IOException, LogException {
        return log.inclusionProof(index, size);
    }

    @Override
    public ConsistencyProof consistencyProof(long size1, long size2) throws IOException, LogException {
        return log.consistencyProof(size1, size2);
    }

    @Override
    public TlogProof receipt(long index) throws IOException, LogException {
        return log.receipt(index);
    }
}
