package dev.virex.node.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.testkit.DeterministicRandom;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    static byte[] nonce(long n) {
        return ByteBuffer.allocate(16).putLong(8, n).array();
    }

    @Test
    void aNonceIsFreshOncePerSeed() {
        ReplayCache c = new ReplayCache(1024, new DeterministicRandom("replay"));
        assertThat(c.firstUse(5, nonce(1), 0)).isEqualTo(ReplayCache.Result.FRESH);
        assertThat(c.firstUse(5, nonce(1), 0)).isEqualTo(ReplayCache.Result.REPLAY);
        assertThat(c.firstUse(6, nonce(1), 0)).isEqualTo(ReplayCache.Result.FRESH);
        assertThat(c.firstUse(5, nonce(2), 0)).isEqualTo(ReplayCache.Result.FRESH);
        assertThat(c.size()).isEqualTo(3);
    }

    @Test
    void anExpiredSeedsMemoryIsReused() {
        ReplayCache c = new ReplayCache(1024, new DeterministicRandom("replay"));
        c.firstUse(5, nonce(1), 0);
        c.firstUse(6, nonce(1), 0);
        // Epoch 7 arrives: 6 is previous, 5 has expired and its table is taken over.
        assertThat(c.firstUse(7, nonce(1), 0)).isEqualTo(ReplayCache.Result.FRESH);
        assertThat(c.firstUse(6, nonce(1), 0)).isEqualTo(ReplayCache.Result.REPLAY);
        assertThat(c.memoryBytes()).isEqualTo(2 * 1024 * 8);
    }

    @Test
    void aFullTableFailsClosed() {
        ReplayCache c = new ReplayCache(1024, new DeterministicRandom("replay"));
        int fresh = 0;
        for (int i = 0; i < 2000; i++) {
            if (c.firstUse(1, nonce(i), 0) == ReplayCache.Result.FRESH) {
                fresh++;
            }
        }
        assertThat(fresh).isEqualTo(768);
        assertThat(c.firstUse(1, nonce(5000), 0)).isEqualTo(ReplayCache.Result.FULL);
        assertThat(c.firstUse(1, nonce(3), 0)).isEqualTo(ReplayCache.Result.REPLAY);
    }
}
