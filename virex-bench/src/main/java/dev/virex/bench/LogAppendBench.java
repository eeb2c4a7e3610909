package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.log.server.Admission;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable appends per second: batches of {@link #BATCH} entries of {@link #ENTRY_BYTES} bytes
 * appended to the log and waited for until every one is acknowledged (journaled and fsynced; the
 * integrator writes tiles and checkpoints alongside, held at most {@link #BACKLOG} entries behind,
 * a bound the setup's warm-up already reaches if integration is the slower side, so the figure is
 * the sustained rate), against the raw baseline of appending the same
 * bytes to a file with one fsync per batch. The log runs with its default settings otherwise.
 * Admission (signature checks) is left out: it runs on the request threads, not in the sequencer.
 * Both states append during setup ({@link #WARM_BATCHES} batches, {@link #WARM_SECONDS} seconds).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LogAppendBench.BATCH)
public class LogAppendBench {
    static final int BATCH = 256;
    static final int ENTRY_BYTES = 256;
    static final int BACKLOG = 65_536;
    /** Batches the raw baseline appends during setup. */
    static final int WARM_BATCHES = 1500;
    /**
     * Seconds of appends to the log during setup, so that the JIT and the heap have settled
     * (several seconds on two cores) before measuring: a log is a long-running server. One second
     * in {@code bench/run --quick}.
     */
    static final int WARM_SECONDS = BenchMain.QUICK ? 1 : 5;

    /** Entries that differ in their first 8 bytes, as distinct decisions do. */
    @State(Scope.Thread)
    public static class Entries {
        long counter;

        byte[] next() {
            byte[] e = new byte[ENTRY_BYTES];
            long c = counter++;
            for (int i = 0; i < 8; i++) {
                e[i] = (byte) (c >>> (56 - 8 * i));
            }
            e[ENTRY_BYTES - 1] = '\n';
            return e;
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        Path dir;
        FileChannel file;
        ByteBuffer buffer = ByteBuffer.allocate(BATCH * (ENTRY_BYTES + 2));

        @Setup
        public void open(Entries entries) throws IOException {
            dir = Files.createTempDirectory("virex-bench-raw");
            file = FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            for (int i = 0; i < WARM_BATCHES; i++) {
                rawBatch(entries, this);
            }
        }

        @TearDown
        public void close() throws IOException {
            file.close();
            delete(dir);
        }
    }

    @State(Scope.Thread)
    public static class Log {
        Path dir;
        TiledLog log;

        @Setup
        public void open(Entries entries) throws Exception {
            dir = Files.createTempDirectory("virex-bench-log");
            SignerKey key = SignerKey.generate("bench.virex/log", new SecureRandom());
            log = TiledLog.open(LogConfig.defaults(dir, key.noteSigner(), key.verifierKey().noteVerifier(),
                            Verifiers.of(key.verifierKey().noteVerifier()))
                    .withBacklog(BACKLOG));
            long until = System.nanoTime() + WARM_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < until) {
                logBatch(entries, this);
            }
        }

        @TearDown
        public void close() throws IOException {
            log.close();
            delete(dir);
        }
    }

    @Benchmark
    public void baselineRawAppendFsync(Entries entries, Raw raw) throws IOException {
        rawBatch(entries, raw);
    }

    static void rawBatch(Entries entries, Raw raw) throws IOException {
        ByteBuffer b = raw.buffer.clear();
        for (int i = 0; i < BATCH; i++) {
            byte[] e = entries.next();
            b.putShort((short) e.length).put(e);
        }
        b.flip();
        while (b.hasRemaining()) {
            raw.file.write(b);
        }
        raw.file.force(false);
    }

    @Benchmark
    public long[] durableAppend(Entries entries, Log log) throws Exception {
        return logBatch(entries, log);
    }

    static long[] logBatch(Entries entries, Log log) throws Exception {
        List<Admission.Admitted> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(Admission.Admitted.of(Bytes.wrap(entries.next())));
        }
        return log.log.appendAll(batch);
    }

    /**
     * Deletes a trial's files and commits the deletion before the next trial starts: on file
     * systems mounted with online discard, the commit that frees the blocks also trims them, and
     * that cost belongs to no benchmark.
     */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        try (FileChannel parent = FileChannel.open(dir.getParent(), StandardOpenOption.READ)) {
            parent.force(true);
        }
    }
}
