package dev.virex.auditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.config.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void versionsOrderLikeSemanticVersions() {
        assertThat(Versions.compare("1.10.0", "1.9.3")).isPositive();
        assertThat(Versions.compare("1.2.0", "1.2.0")).isZero();
        assertThat(Versions.compare("1.2.0+build7", "1.2.0")).isZero();
        assertThat(Versions.compare("1.2.0-rc1", "1.2.0")).isNegative();
        assertThat(Versions.compare("1.2.0-rc2", "1.2.0-rc10")).isPositive(); // text parts compare as text
        assertThat(Versions.compare("1.2", "1.2.1")).isNegative();
        assertThat(Versions.compare("2", "10")).isNegative();
        assertThat(Versions.compare("1.x", "1.0")).isPositive();
    }

    @Test
    void aWindowReportsABurstOnceUntilItCalmsDown() {
        SlidingWindow w = new SlidingWindow(new Window(2, Duration.ofMinutes(10)));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(w.add("k", t, 1)).isEmpty();
        assertThat(w.add("k", t.plusSeconds(60), 2)).isEmpty();
        assertThat(w.add("k", t.plusSeconds(120), 3)).contains(java.util.List.of(1L, 2L, 3L));
        assertThat(w.add("k", t.plusSeconds(180), 4)).isEmpty();
        assertThat(w.add("other", t.plusSeconds(180), 5)).isEmpty();
        // Ten minutes later the window holds one event: calm again; a new burst is reported again.
        assertThat(w.add("k", t.plusSeconds(900), 6)).isEmpty();
        assertThat(w.add("k", t.plusSeconds(901), 7)).isEmpty();
        assertThat(w.add("k", t.plusSeconds(902), 8)).contains(java.util.List.of(6L, 7L, 8L));
    }
}
