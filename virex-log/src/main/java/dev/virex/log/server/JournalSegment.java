package dev.virex.log.server;

import dev.virex.core.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Encoding and recovery scan of one journal segment (format in {@link Journal}). */
final class JournalSegment {
    private static final Logger log = LoggerFactory.getLogger(JournalSegment.class);

    private JournalSegment() {}

    static byte[] header(long base) {
        ByteBuffer b = ByteBuffer.allocate(Journal.HEADER_BYTES);
        b.put(Journal.HEADER_MAGIC).putLong(base);
        b.putInt(Journal.crc(ByteBuffer.wrap(b.array(), 0, 16)));
        return b.array();
    }

    static ByteBuffer record(long first, List<Bytes> entries) {
        int payload = 0;
        for (Bytes e : entries) {
            payload += 2 + e.length();
        }
        ByteBuffer b = ByteBuffer.allocate(Journal.RECORD_OVERHEAD + payload);
        b.put(Journal.RECORD_MAGIC).putLong(first).putInt(entries.size()).putInt(payload);
        byte[] tmp = b.array();
        int pos = b.position();
        for (Bytes e : entries) {
            tmp[pos++] = (byte) (e.length() >>> 8);
            tmp[pos++] = (byte) e.length();
            e.copyTo(tmp, pos);
            pos += e.length();
        }
        b.position(pos);
        b.putInt(Journal.crc(ByteBuffer.wrap(tmp, 4, pos - 4)));
        return b.flip();
    }

    /** The result of scanning a segment: where its valid records end, and bytes discarded. */
    record Scan(long end, long discarded) {}

    /**
     * Reads a segment's records, checking that they continue at entry {@code expected}; collects
     * entries at or after {@code from} into {@code tail}. In the last segment, an invalid record
     * with no valid record after it is a torn write: the file is truncated there and fsynced.
     */
    static Scan scan(Path file, long base, long expected, long from, List<Bytes> tail, boolean last) throws IOException {
        byte[] data = Files.readAllBytes(file);
        if (data.length < Journal.HEADER_BYTES || !Arrays.equals(data, 0, Journal.HEADER_BYTES, header(base), 0, Journal.HEADER_BYTES)) {
            throw new LogStateException("journal segment " + file.getFileName() + " has a damaged header");
        }
        if (base != expected) {
            throw new LogStateException("journal segment " + file.getFileName() + " does not continue at entry " + expected);
        }
        int pos = Journal.HEADER_BYTES;
        long next = expected;
        while (pos < data.length) {
            int len = validRecordLength(data, pos, next);
            if (len < 0) {
                if (!last || findValidRecord(data, pos + 1)) {
                    throw new LogStateException("journal segment " + file.getFileName() + " is damaged at byte " + pos
                            + " and has records after it: acknowledged entries may be lost; restore the data directory");
                }
                long discarded = data.length - pos;
                log.warn("journal: discarding a torn last record ({} bytes) in {}; it was never acknowledged", discarded, file.getFileName());
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(pos);
                    ch.force(true);
                }
                return new Scan(next, discarded);
            }
            ByteBuffer b = ByteBuffer.wrap(data, pos, len);
            b.position(pos + 12);
            int count = b.getInt();
            int payload = b.getInt();
            int p = pos + 20;
            for (int i = 0; i < count; i++) {
                int elen = ((data[p] & 0xff) << 8) | (data[p + 1] & 0xff);
                if (next + i >= from) {
                    tail.add(Bytes.of(data, p + 2, elen));
                }
                p += 2 + elen;
            }
            if (p != pos + 20 + payload) {
                throw new LogStateException("journal record at byte " + pos + " of " + file.getFileName() + " is inconsistent");
            }
            next += count;
            pos += len;
        }
        return new Scan(next, 0);
    }

    /** The length of the valid record at {@code pos} starting at entry {@code first}, or -1. */
    private static int validRecordLength(byte[] data, int pos, long first) {
        if (data.length - pos < Journal.RECORD_OVERHEAD || !Arrays.equals(data, pos, pos + 4, Journal.RECORD_MAGIC, 0, 4)) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(data, pos + 4, 16);
        long f = b.getLong();
        int count = b.getInt();
        int payload = b.getInt();
        if ((first >= 0 && f != first) || count <= 0 || payload < 2L * count || payload > Journal.MAX_PAYLOAD
                || data.length - pos - Journal.RECORD_OVERHEAD < payload) {
            return -1;
        }
        int crcAt = pos + 20 + payload;
        int want = ByteBuffer.wrap(data, crcAt, 4).getInt();
        if (Journal.crc(ByteBuffer.wrap(data, pos + 4, crcAt - pos - 4)) != want) {
            return -1;
        }
        int p = pos + 20;
        for (int i = 0; i < count; i++) {
            if (p + 2 > crcAt) {
                return -1;
            }
            p += 2 + (((data[p] & 0xff) << 8) | (data[p + 1] & 0xff));
        }
        return p == crcAt ? payload + Journal.RECORD_OVERHEAD : -1;
    }

    /** Whether a CRC-valid record starts anywhere at or after {@code from}. */
    private static boolean findValidRecord(byte[] data, int from) {
        for (int i = from; i + Journal.RECORD_OVERHEAD <= data.length; i++) {
            if (data[i] == 'V' && validRecordLength(data, i, -1) > 0) {
                return true;
            }
        }
        return false;
    }
}
