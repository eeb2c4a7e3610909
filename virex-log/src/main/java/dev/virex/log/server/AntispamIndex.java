package dev.virex.log.server;

import dev.virex.core.Bytes;
import java.io.IOException;

/**
 * Finds an entry already in the log by its RFC 9162 leaf hash, so that a duplicate gets the
 * existing index. An open-addressing table keyed by the first 8 bytes of the hash (16 bytes per
 * slot, at most half full: about 32 bytes per entry); a key match is confirmed against the full
 * leaf hash stored in the log, so a prefix collision is never taken for a duplicate.
 *
 * <p>Not persisted itself: it is rebuilt at start from the log's level-0 tiles (which are the
 * leaf hashes) and the journal, so it survives restarts exactly as the log does.
 */
final class AntispamIndex {
    /** Reads the full leaf hash of an entry already in the log (or sequenced). */
    @FunctionalInterface
    interface LeafHashes {
        Bytes leafHash(long index) throws IOException;
    }

    // Interleaved slots (key, index + 1), so a probe touches one cache line; 0 marks an empty slot.
    private long[] table = new long[2 * 1024];
    private int count;

    int size() {
        return count;
    }

    void put(Bytes leafHash, long index) {
        if (4 * (count + 1) > table.length) {
            grow();
        }
        insert(table, key(leafHash), index + 1);
        count++;
    }

    /** The index of the entry with this leaf hash, or -1. */
    long find(Bytes leafHash, LeafHashes log) throws IOException {
        long k = key(leafHash);
        int mask = table.length / 2 - 1;
        for (int i = slot(k, mask); table[2 * i + 1] != 0; i = (i + 1) & mask) {
            if (table[2 * i] == k && log.leafHash(table[2 * i + 1] - 1).equals(leafHash)) {
                return table[2 * i + 1] - 1;
            }
        }
        return -1;
    }

    private static void insert(long[] t, long k, long v) {
        int mask = t.length / 2 - 1;
        int i = slot(k, mask);
        while (t[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        t[2 * i] = k;
        t[2 * i + 1] = v;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i + 1] != 0) {
                insert(bigger, table[i], table[i + 1]);
            }
        }
        table = bigger;
    }

    private static long key(Bytes h) {
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (h.get(i) & 0xff);
        }
        return k;
    }

    private static int slot(long k, int mask) {
        return (int) (k ^ (k >>> 32)) & mask;
    }
}
