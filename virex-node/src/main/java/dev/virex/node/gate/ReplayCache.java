package dev.virex.node.gate;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Remembers (seed, nonce) pairs until the seed expires, in bounded memory: one fixed table of
 * 64-bit nonce fingerprints (SipHash under a process-random key, so nobody can aim collisions) per
 * accepted seed, at most two seeds at a time. A table is reused, cleared, when its seed has
 * expired. When a table is three-quarters full the cache refuses new nonces (fail closed: the
 * gate answers overloaded) rather than forget any: size it at rate x 2 epochs / 0.75.
 */
public final class ReplayCache {
    /** What one lookup found. */
    public enum Result { FRESH, REPLAY, FULL }

    private final Table[] tables = new Table[2];
    private final KeyParameter key;
    private final int capacity;

    /** @param capacity fingerprints per seed, a power of two of at least 1024 (8 bytes each) */
    public ReplayCache(int capacity, SecureRandom random) {
        if (capacity < 1024 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 1024");
        }
        this.capacity = capacity;
        byte[] k = new byte[16];
        random.nextBytes(k);
        this.key = new KeyParameter(k);
        tables[0] = new Table(capacity);
        tables[1] = new Table(capacity);
    }

    /** Records the 16-byte nonce at {@code buf[off]} for the seed of {@code epoch}. */
    public Result firstUse(long epoch, byte[] buf, int off) {
        SipHash mac = new SipHash(2, 4);
        mac.init(key);
        mac.update(buf, off, 16);
        long fp = mac.doFinal();
        return table(epoch).insert(fp == 0 ? 1 : fp);
    }

    /** Fingerprints held, all seeds. */
    public int size() {
        return tables[0].count() + tables[1].count();
    }

    public long memoryBytes() {
        return 2L * capacity * 8;
    }

    private Table table(long epoch) {
        synchronized (tables) {
            for (Table t : tables) {
                if (t.epoch == epoch) {
                    return t;
                }
            }
            // The gate only asks for the current and previous seeds, so the older table has expired.
            Table old = tables[0].epoch <= tables[1].epoch ? tables[0] : tables[1];
            old.reset(epoch);
            return old;
        }
    }

    private static final class Table {
        private final long[] slots;
        private final int mask;
        private final int limit;
        private long epoch = Long.MIN_VALUE;
        private int count;

        Table(int capacity) {
            slots = new long[capacity];
            mask = capacity - 1;
            limit = capacity / 4 * 3;
        }

        synchronized Result insert(long fp) {
            int h = (int) (fp ^ (fp >>> 32)) & mask;
            for (int n = 0; n <= mask; n++) {
                int j = (h + n) & mask;
                if (slots[j] == fp) {
                    return Result.REPLAY;
                }
                if (slots[j] == 0) {
                    if (count >= limit) {
                        return Result.FULL;
                    }
                    slots[j] = fp;
                    count++;
                    return Result.FRESH;
                }
            }
            return Result.FULL;
        }

        synchronized void reset(long newEpoch) {
            Arrays.fill(slots, 0);
            count = 0;
            epoch = newEpoch;
        }

        synchronized int count() {
            return count;
        }
    }
}
