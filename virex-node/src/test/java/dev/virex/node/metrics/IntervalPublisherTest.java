package dev.virex.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.ingress.RejectReason;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsView;
import dev.virex.node.gate.IngressStats;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import dev.virex.core.note.SignerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntervalPublisherTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final int INTERVALS = 400;

    final SignerKey key = TestKeys.signer("mix.metrics.test");
    final IngressStats stats = new IngressStats();
    final IntervalPublisher publisher = new IntervalPublisher(stats, new Binning(new DeterministicRandom("publisher")),
            new MixnodeMetrics(), key.noteSigner(), key.verifierKey().publicKey(),
            now -> new ParamsView(new ParamsChange(T0, AbuseParams.defaults()), Optional.empty()), () -> 16, Duration.ofSeconds(60), T0);

    @Test
    void aQuietMixnodePublishesATotalNearZeroNotTheBiasOfEveryReason() throws Exception {
        long total = 0;
        long sumOfReasons = 0;
        for (int i = 1; i <= INTERVALS; i++) {
            stats.accepted(false);
            assertThat(publisher.publishDue(T0.plusSeconds(60L * i))).isEqualTo(1);
            IntervalPublisher.Published p = publisher.latest().orElseThrow();
            EnforcementReport r = EnforcementReport.open(p.signedNote().toArray(), key.verifierKey());
            assertThat(r).isEqualTo(p.report());
            assertThat(r.interval()).isEqualTo(T0.getEpochSecond() / 60 + i - 1);
            total += r.rejectedTotal();
            sumOfReasons += r.rejected().values().stream().mapToLong(Long::longValue).sum();
        }
        // Nothing was rejected. Each coarsened zero averages about 3 (noise clamped at zero, then binned by 16): one
        // total carries that bias once, a sum over the 12 reasons twelve times.
        assertThat(total / (double) INTERVALS).isLessThan(8.0);
        assertThat(sumOfReasons / (double) INTERVALS).isGreaterThan(RejectReason.values().length * 1.5);
    }

    @Test
    void aBusyIntervalPublishesItsTotalRoundedToTwoDigits() throws Exception {
        for (int i = 0; i < 3000; i++) {
            stats.rejected(RejectReason.RATE_LIMITED);
        }
        for (int i = 0; i < 2050; i++) {
            stats.rejected(RejectReason.BACKOFF);
        }
        publisher.publishDue(T0.plusSeconds(60));
        EnforcementReport r = publisher.latest().orElseThrow().report();
        assertThat(r.rejectedTotal()).isEqualTo(5100);
        assertThat(r.rejected().get(RejectReason.RATE_LIMITED)).isEqualTo(3000);
        assertThat(r.rejected().get(RejectReason.BACKOFF)).isEqualTo(2100);
    }
}
