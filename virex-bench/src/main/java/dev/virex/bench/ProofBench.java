package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.tlog.Tile;
import dev.virex.core.tlog.TileBuilder;
import dev.virex.core.tlog.TileNodeReader;
import dev.virex.core.tlog.TilePath;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inclusion-proof generation at 1M entries, the way the log answers it: from hash tiles (held in
 * memory here, as the log's tile cache holds them when warm), at random indexes, against the
 * baseline of computing one entry's leaf hash. Setup builds the 2^20-entry tree once with the
 * same incremental tile builder the log uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBench {
    static final long SIZE = 1L << 20;

    private final Map<TilePath, Bytes> tiles = new HashMap<>();
    private TileNodeReader nodes;
    private byte[] entry;
    private long state = 0x9E3779B97F4A7C15L;

    @Setup
    public void build() {
        TileBuilder b = TileBuilder.empty();
        byte[] e = new byte[64];
        for (long i = 0; i < SIZE; i++) {
            for (int j = 0; j < 8; j++) {
                e[j] = (byte) (i >>> (8 * j));
            }
            b.append(Bytes.EMPTY, MerkleHash.leaf(e));
            if ((i & 0xFFFF) == 0xFFFF) {
                keep(b);
            }
        }
        keep(b);
        nodes = new TileNodeReader(p -> {
            Bytes t = tiles.get(p);
            if (t == null) {
                throw new NoSuchFileException(p.toString());
            }
            return t;
        }, SIZE);
        entry = new byte[256];
    }

    private void keep(TileBuilder b) {
        for (Tile t : b.flush()) {
            if (!t.path().isEntries()) {
                tiles.put(t.path(), t.data());
            }
        }
    }

    private long nextIndex() {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return Math.floorMod(state, SIZE);
    }

    @Benchmark
    public Bytes baselineLeafHash() {
        entry[0]++;
        return MerkleHash.leaf(entry);
    }

    @Benchmark
    public InclusionProof inclusionProof() throws IOException {
        return MerkleProofs.inclusion(nodes, nextIndex(), SIZE);
    }
}
