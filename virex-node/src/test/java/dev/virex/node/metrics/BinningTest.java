package dev.virex.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.testkit.DeterministicRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BinningTest {
    @Test
    void smallCountsAreNoisedIntoBins() {
        Binning b = new Binning(new DeterministicRandom("binning"));
        Set<Long> seenForOne = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long p = b.publish(1);
            assertThat(p % Binning.BIN).isZero();
            assertThat(p).isBetween(0L, 200L);
            seenForOne.add(p);
        }
        // A count of one is not always published the same way, and sometimes as zero.
        assertThat(seenForOne).hasSizeGreaterThan(2).contains(0L);
        long sum = 0;
        for (int i = 0; i < 2000; i++) {
            sum += b.publish(500);
        }
        assertThat(sum / 2000.0).isBetween(490.0, 510.0); // nearest rounding and symmetric noise: about unbiased
    }

    @Test
    void largeCountsKeepTwoSignificantDigits() {
        Binning b = new Binning(new DeterministicRandom("binning"));
        assertThat(b.publish(1024)).isEqualTo(1000);
        assertThat(b.publish(1050)).isEqualTo(1100);
        assertThat(b.publish(98_765)).isEqualTo(99_000);
        assertThat(b.publish(100_000)).isEqualTo(100_000);
        assertThat(Binning.roundTwoDigits(12_001)).isEqualTo(12_000);
        assertThat(Binning.roundTwoDigits(99_950)).isEqualTo(100_000);
    }
}
