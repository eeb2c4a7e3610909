package dev.virex.node.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsView;
import dev.virex.node.net.TestFederation;
import dev.virex.testkit.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogParamsTest {
    static final LocalEpochBeacon FALLBACK = new LocalEpochBeacon(Instant.EPOCH, Duration.ofMinutes(10),
            TestKeys.signer("fallback.params.test").noteSigner());

    TestFederation fed;
    List<Bytes> entries = new ArrayList<>();
    AtomicReference<Optional<Directory>> dir = new AtomicReference<>(Optional.empty());
    LogParams lp = new LogParams(dir::get, AbuseParams.defaults(), FALLBACK);

    @BeforeEach
    void genesis() throws Exception {
        fed = new TestFederation("params");
        entries.add(fed.genesis());
    }

    void log(Bytes e) throws Exception {
        entries.add(e);
        DirectoryFold f = DirectoryFold.fromGenesis(fed.vkey());
        for (Bytes x : entries) {
            assertThat(f.apply(x.toArray()).applied()).isTrue();
        }
        dir.set(Optional.of(f.directory()));
    }

    @Test
    void withoutTheLogTheBaseParametersAndTheFallbackSeeds() {
        ParamsView v = lp.params().at(TestFederation.T0);
        assertThat(v.params()).isEqualTo(AbuseParams.defaults());
        assertThat(v.next()).isEmpty();
        assertThat(lp.seeds().at(TestFederation.T0)).isEqualTo(FALLBACK.at(TestFederation.T0));
    }

    @Test
    void abuseParametersTakeEffectAtTheirActivationEachOnTopOfTheLast() throws Exception {
        Instant t1 = TestFederation.T0.plusSeconds(600);
        Instant t2 = t1.plusSeconds(600);
        log(fed.params(t1, Map.of("abuse.effort-floor", "3000", "mix.layers", "4")));
        log(fed.params(t2, Map.of("abuse.rate-per-minute", "600")));
        log(fed.params(t2.plusSeconds(60), Map.of("abuse.effort-ceiling", "8")));

        ParamsView before = lp.params().at(t1.minusSeconds(1));
        assertThat(before.params()).isEqualTo(AbuseParams.defaults());
        assertThat(before.next().orElseThrow().activation()).isEqualTo(t1);
        assertThat(before.next().orElseThrow().params().effortFloor()).isEqualTo(3000);

        ParamsView at1 = lp.params().at(t1);
        assertThat(at1.params()).isEqualTo(AbuseParams.defaults().withEffortFloor(3000));
        assertThat(at1.next().orElseThrow().activation()).isEqualTo(t2);

        ParamsView at2 = lp.params().at(t2.plusSeconds(3600));
        assertThat(at2.params().effortFloor()).isEqualTo(3000);
        assertThat(at2.params().ratePerMinute()).isEqualTo(600);
        assertThat(at2.params().effortCeiling()).as("a ceiling below the floor is not a valid set: skipped")
                .isEqualTo(AbuseParams.defaults().effortCeiling());
        assertThat(at2.next()).isEmpty();
    }

    @Test
    void seedsAreTheLoggedEpochSeeds() throws Exception {
        Instant s = TestFederation.T0.plusSeconds(60);
        log(fed.epoch(3, s, Duration.ofMinutes(10)));
        Bytes seed3 = dir.get().orElseThrow().epoch().orElseThrow().seed();
        assertThat(lp.seeds().at(s.minusSeconds(1))).as("before the first epoch: fallback").isEqualTo(FALLBACK.at(s.minusSeconds(1)));
        EpochSeeds in3 = lp.seeds().at(s.plusSeconds(60));
        assertThat(in3.current().epoch()).isEqualTo(3);
        assertThat(in3.current().seed()).isEqualTo(seed3);
        assertThat(in3.previous()).isEmpty();

        Instant s4 = s.plus(Duration.ofMinutes(10));
        log(fed.epoch(4, s4, Duration.ofMinutes(10)));
        EpochSeeds early = lp.seeds().at(s4.minusSeconds(5));
        assertThat(early.current().epoch()).as("a beacon for an epoch not started yet waits").isEqualTo(3);
        EpochSeeds in4 = lp.seeds().at(s4.plusSeconds(1));
        assertThat(in4.current().epoch()).isEqualTo(4);
        assertThat(in4.previous().orElseThrow().seed()).isEqualTo(seed3);

        Instant late = s4.plus(Duration.ofMinutes(25));
        EpochSeeds stretched = lp.seeds().at(late);
        assertThat(stretched.current().epoch()).as("no newer beacon: the epoch is stretched").isEqualTo(4);
        assertThat(stretched.current().end()).isAfter(late);
        assertThat(stretched.current().length()).isEqualTo(Duration.ofMinutes(30));
    }
}
