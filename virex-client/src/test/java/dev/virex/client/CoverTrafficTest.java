package dev.virex.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoverTrafficTest {
    @Test
    void realMessagesTakeTheirTurnInAnUnchangedPoissonStream() throws Exception {
        FakeMixnode mixnode = new FakeMixnode();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:10:00Z"));
        Duration[] total = {Duration.ZERO};
        Sleeper sleeper = d -> {
            total[0] = total[0].plus(d);
            clock.advance(d);
        };
        try (PowSolver solver = new PowSolver(1)) {
            MixnodeClient client = new MixnodeClient(mixnode, mixnode, solver, new DeterministicRandom("cover"), sleeper, clock,
                    MixnodeClient.Options.defaults(), MixnodeClient.Listener.NONE);
            CoverTraffic loop = new CoverTraffic(client, new PoissonSchedule(600, new DeterministicRandom("ticks")), sleeper, 8);
            assertThat(loop.offer(Bytes.wrap("one".getBytes()))).isTrue();
            assertThat(loop.offer(Bytes.wrap("two".getBytes()))).isTrue();
            CoverTraffic.Stats stats = loop.run(40);
            assertThat(stats).isEqualTo(new CoverTraffic.Stats(40, 2, 38, 40));
        }
        // Every frame has the same size and shape; only the mixnode, after opening, tells them apart.
        assertThat(mixnode.frames).hasSize(40).allSatisfy(f -> assertThat(f.encode()).hasSize(SubmitFrame.BYTES));
        assertThat(mixnode.payloads.stream().filter(p -> !p.cover()).map(p -> new String(p.body().toArray())))
                .containsExactly("one", "two");
        // 40 gaps at 10 per second: about 4 seconds of traffic.
        assertThat(total[0]).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(7));
    }
}
