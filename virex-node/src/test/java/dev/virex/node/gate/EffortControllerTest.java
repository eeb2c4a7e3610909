package dev.virex.node.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.pow.AbuseParams;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tor's service-side AIMD rule, within the federation's floor and ceiling. */
class EffortControllerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration PERIOD = Duration.ofMinutes(1);
    static final AbuseParams P = AbuseParams.defaults(); // floor 16, ceiling 2^20
    static final EffortQueue.Snapshot EMPTY = new EffortQueue.Snapshot(0, 0);

    @Test
    void trimmingAboveTheSuggestionIncreasesToTheAverageHandledEffort() {
        EffortController c = new EffortController(PERIOD, 8, 16, T0);
        for (int i = 0; i < 10; i++) {
            c.enqueued(300, 20);
            c.handled();
        }
        c.trimmed(100);
        assertThat(c.suggested(T0.plusSeconds(30), P, EMPTY)).isEqualTo(16);
        assertThat(c.suggested(T0.plus(PERIOD), P, EMPTY)).isEqualTo(300);
    }

    @Test
    void aBusyQueueWithWorthyEntriesIncreasesByAtLeastOne() {
        EffortController c = new EffortController(PERIOD, 8, 16, T0);
        c.enqueued(16, 20);
        assertThat(c.suggested(T0.plus(PERIOD), P, new EffortQueue.Snapshot(12, 16))).isEqualTo(17);
    }

    @Test
    void anIdleQueueDecreasesByAThirdDownToTheFloor() {
        EffortController c = new EffortController(PERIOD, 8, 900, T0);
        assertThat(c.suggested(T0.plus(PERIOD), P, EMPTY)).isEqualTo(600);
        assertThat(c.suggested(T0.plus(PERIOD.multipliedBy(2)), P, EMPTY)).isEqualTo(400);
        assertThat(c.suggested(T0.plus(PERIOD.multipliedBy(20)), P, EMPTY)).isEqualTo(16);
    }

    @Test
    void theFederationsFloorAndCeilingBound() {
        EffortController c = new EffortController(PERIOD, 8, 16, T0);
        assertThat(c.suggested(T0, P.withEffortFloor(5000), EMPTY)).isEqualTo(5000);
        AbuseParams capped = new AbuseParams("sha256-v1", 16, 100, 120, 20, P.backoffBase(), P.backoffCap(), 60);
        c.trimmed(1_000_000);
        for (int i = 0; i < 4; i++) {
            c.enqueued(1_000_000, 20);
            c.handled();
        }
        assertThat(c.suggested(T0.plus(PERIOD), capped, EMPTY)).isEqualTo(100);
    }
}
