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

    private long[] keys = new long[1024];
    private long[] values = new long[1024]; // index + 1; 0 marks an empty slot
    private int count;

    int size() {
        return count;
    }

    void put(Bytes leafHash, long index) {
        if (2 * (count + 1) > keys.length) {
            grow();
        }
        insert(key(leafHash), index + 1);
        count++;
    }

    /** The index of the entry with this leaf hash, or -1. */
    long find(Bytes leafHash, LeafHashes log) throws IOException {
        long k = key(leafHash);
        int mask = keys.length - 1;
        for (int i = slot(k, mask); values[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == k && log.leafHash(values[i] - 1).equals(leafHash)) {
                return values[i] - 1;
            }
        }
        return -1;
    }

    private void insert(long k, long v) {
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (values[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = v;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
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
