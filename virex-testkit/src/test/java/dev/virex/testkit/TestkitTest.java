package dev.virex.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestkitTest {
    @Test
    void deterministicRandomRepeatsPerLabelAndDiffersAcrossLabels() {
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        byte[] c = new byte[100];
        new DeterministicRandom("x").nextBytes(a);
        new DeterministicRandom("x").nextBytes(b);
        new DeterministicRandom("y").nextBytes(c);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void testKeysAreStablePerName() {
        assertThat(TestKeys.signer("a").verifierKey()).isEqualTo(TestKeys.signer("a").verifierKey());
        assertThat(TestKeys.signer("a").verifierKey()).isNotEqualTo(TestKeys.signer("b").verifierKey());
    }

    @Test
    void mutableClockMovesOnlyForward() {
        MutableClock clock = MutableClock.atEpoch();
        var start = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
