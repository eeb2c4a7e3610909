package dev.virex.log.server;

import dev.virex.core.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The sequencing journal: every batch of new entries is appended here and fsynced before any of
 * them is acknowledged, so an acknowledged entry survives a crash even before it reaches the
 * tiles. It is a chain of segment files {@code <base index>.journal}, each a header then records:
 *
 * <pre>
 * header: "VXJOURN1" | base index (u64) | CRC-32C of the 16 bytes before (u32)
 * record: "VXRB" | first index (u64) | count (u32) | payload length (u32) | payload | CRC-32C (u32)
 *         payload: count entries, each a big-endian u16 length and the entry (as in entry bundles)
 * </pre>
 *
 * Segments whose entries are all integrated into a published checkpoint are deleted. Not
 * thread-safe: the sequencer appends, and deletes go through the same lock in {@code TiledLog}.
 */
final class Journal implements AutoCloseable {
    static final byte[] HEADER_MAGIC = {'V', 'X', 'J', 'O', 'U', 'R', 'N', '1'};
    static final byte[] RECORD_MAGIC = {'V', 'X', 'R', 'B'};
    static final int HEADER_BYTES = 20;
    static final int RECORD_OVERHEAD = 24;
    /** Cap on one record's payload, well above any batch the sequencer forms. */
    static final int MAX_PAYLOAD = 64 << 20;

    private final Path dir;
    private final long segmentBytes;
    private final List<Long> segments; // base indexes, ascending; the last one is open
    private FileChannel current;
    private long end;

    private Journal(Path dir, long segmentBytes, List<Long> segments, FileChannel current, long end) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.current = current;
        this.end = end;
    }

    /** What recovery found: the journal's end and the entries from the requested index on. */
    record Recovered(Journal journal, long end, List<Bytes> tail, long discardedBytes) {}

    /**
     * Opens the journal in {@code dir}, repairing a torn last record (one that a crash cut short:
     * it was never acknowledged), and returns the entries from index {@code from} (the size of the
     * published checkpoint) to the end, for re-integration.
     *
     * @throws LogStateException when the journal cannot be trusted: a gap, a damaged record that
     *     is followed by valid ones, or an end before {@code from}
     */
    static Recovered open(Path dir, long from, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        List<Long> bases = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".journal")) {
                    bases.add(parseBase(n));
                }
            }
        }
        bases.sort(null);
        if (bases.isEmpty()) {
            Journal j = new Journal(dir, segmentBytes, new ArrayList<>(), null, from);
            j.startSegment(from);
            return new Recovered(j, from, List.of(), 0);
        }
        List<Bytes> tail = new ArrayList<>();
        long expected = bases.get(0);
        if (expected > from) {
            throw new LogStateException("journal starts at entry " + expected + ", after the checkpoint's size " + from);
        }
        long discarded = 0;
        for (int i = 0; i < bases.size(); i++) {
            boolean last = i == bases.size() - 1;
            JournalSegment.Scan scan = JournalSegment.scan(segmentPath(dir, bases.get(i)), bases.get(i), expected, from, tail, last);
            expected = scan.end();
            discarded += scan.discarded();
        }
        if (expected < from) {
            throw new LogStateException("journal ends at entry " + expected + ", before the checkpoint's size " + from
                    + ": acknowledged entries are missing");
        }
        long lastBase = bases.get(bases.size() - 1);
        FileChannel ch = FileChannel.open(segmentPath(dir, lastBase), StandardOpenOption.WRITE, StandardOpenOption.READ);
        ch.position(ch.size());
        return new Recovered(new Journal(dir, segmentBytes, bases, ch, expected), expected, tail, discarded);
    }

    static Path segmentPath(Path dir, long base) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "%020d.journal", base));
    }

    private static long parseBase(String name) throws LogStateException {
        String digits = name.substring(0, name.length() - ".journal".length());
        if (digits.length() != 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LogStateException("unexpected file " + name + " in the journal directory");
        }
        return Long.parseLong(digits);
    }

    long end() {
        return end;
    }

    /** Appends a batch starting at {@link #end()} and fsyncs it. */
    void append(List<Bytes> entries) throws IOException {
        if (current.size() >= segmentBytes) {
            startSegment(end);
        }
        ByteBuffer record = JournalSegment.record(end, entries);
        while (record.hasRemaining()) {
            current.write(record);
        }
        current.force(false);
        end += entries.size();
    }

    /** Deletes segments whose every entry is below {@code integrated}, keeping the open one. */
    void deleteIntegrated(long integrated) throws IOException {
        while (segments.size() > 1 && segments.get(1) <= integrated) {
            Files.deleteIfExists(segmentPath(dir, segments.remove(0)));
        }
    }

    private void startSegment(long base) throws IOException {
        if (current != null) {
            current.close();
        }
        Path p = segmentPath(dir, base);
        DurableFiles.writeNow(p, JournalSegment.header(base));
        current = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.READ);
        current.position(current.size());
        segments.add(base);
    }

    static int crc(ByteBuffer data) {
        CRC32C c = new CRC32C();
        c.update(data);
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
