package dev.virex.core.decision;

import static dev.virex.core.decision.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsView;
import dev.virex.core.note.Note;
import dev.virex.core.note.Verifiers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkParamsTest {
    private final DirectoryFold fold = DirectoryFold.fromGenesis(Fixtures.GROUP.verifierKey());

    @Test
    void defaultsCoverEveryAbuseFieldAndTheNetworkKeys() throws Exception {
        NetworkParams p = NetworkParams.of(Map.of());
        assertThat(p.abuse()).isEqualTo(AbuseParams.defaults());
        assertThat(NetworkParams.DEFAULTS).containsKeys("abuse.pow-algorithm", "abuse.effort-floor", "abuse.effort-ceiling",
                "abuse.rate-per-minute", "abuse.rate-burst", "abuse.backoff-base-ms", "abuse.backoff-cap-ms",
                "abuse.cover-rate-per-minute", "software.approved", "node.min-bandwidth-mbps", "operator.max-nodes",
                "join.effort", "join.expiry-seconds", "epoch.length-seconds");
        assertThat(p.epochLength()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void valuesAreTypedAndChecked() throws Exception {
        NetworkParams p = NetworkParams.of(Map.of("abuse.effort-floor", "4000", "software.approved", "0.2.0,0.3.0-rc.1",
                "operator.max-nodes", "3", "join.effort", "1000"));
        assertThat(p.abuse().effortFloor()).isEqualTo(4000);
        assertThat(p.approvedSoftware()).containsExactly("0.2.0", "0.3.0-rc.1");
        assertThat(p.operatorMaxNodes()).isEqualTo(3);
        assertThat(p.joinEffort()).isEqualTo(1000);
        assertThatThrownBy(() -> NetworkParams.of(Map.of("abuse.effort-floor", "0"))).isInstanceOf(DecisionFormatException.class);
        assertThatThrownBy(() -> NetworkParams.of(Map.of("software.approved", "0.1.0,,0.2.0")))
                .isInstanceOf(DecisionFormatException.class);
        assertThatThrownBy(() -> NetworkParams.of(Map.of("join.effort", "08"))).hasMessageContaining("canonical");
        assertThatThrownBy(() -> NetworkParams.validateChange(Map.of(), Map.of("pow.effort", "5")))
                .hasMessageContaining("unknown parameter 'pow.effort'");
        assertThatThrownBy(() -> NetworkParams.validateChange(Map.of(), Map.of("abuse.effort-ceiling", "8")))
                .hasMessageContaining("effort-floor");
    }

    @Test
    void mixnodesSwitchAtTheActivationTime() throws Exception {
        fold.apply(Fixtures.sign(Fixtures.genesis(5, 3)));
        fold.apply(Fixtures.sign(Fixtures.params(T0.plusSeconds(1), T0, NetworkParams.DEFAULTS)));
        fold.apply(Fixtures.sign(Fixtures.params(T0.plusSeconds(2), T0.plusSeconds(100), Map.of("abuse.effort-floor", "4000"))));
        DirectoryParamsSource source = new DirectoryParamsSource(fold::directory);
        ParamsView before = source.at(T0.plusSeconds(50));
        assertThat(before.params().effortFloor()).isEqualTo(16);
        assertThat(before.inForce().activation()).isEqualTo(T0);
        assertThat(before.next()).hasValueSatisfying(n -> {
            assertThat(n.activation()).isEqualTo(T0.plusSeconds(100));
            assertThat(n.params().effortFloor()).isEqualTo(4000);
        });
        assertThat(before.covers(T0.plusSeconds(99))).isTrue();
        assertThat(before.covers(T0.plusSeconds(100))).isFalse();
        ParamsView after = source.at(T0.plusSeconds(100));
        assertThat(after.params().effortFloor()).isEqualTo(4000);
        assertThat(after.next()).isEmpty();
        // Non-abuse changes do not disturb the mixnode's view.
        fold.apply(Fixtures.sign(Fixtures.params(T0.plusSeconds(3), T0.plusSeconds(300), Map.of("join.effort", "9"))));
        assertThat(source.at(T0.plusSeconds(150)).next()).isEmpty();
    }

    @Test
    void seedsComeFromTheFoldedBeacons() throws Exception {
        dev.virex.core.pow.EpochSeedSource fallback = now -> {
            throw new IllegalStateException("fallback used at " + now);
        };
        DirectorySeedSource seeds = new DirectorySeedSource(() -> java.util.Optional.of(fold.directory()), fallback);
        fold.apply(Fixtures.sign(Fixtures.genesis(5, 3)));
        assertThat(seeds.fromLog(T0)).isFalse();
        assertThatThrownBy(() -> seeds.at(T0)).hasMessageContaining("fallback used");
        byte[] e1 = Fixtures.sign(Fixtures.epoch(1, T0.plusSeconds(10)));
        fold.apply(e1);
        fold.apply(Fixtures.sign(Fixtures.epoch(2, T0.plusSeconds(310))));
        EpochSeeds s = seeds.at(T0.plusSeconds(320));
        assertThat(s.current().epoch()).isEqualTo(2);
        var sig = Note.open(e1, Verifiers.of(Fixtures.GROUP.verifierKey().noteVerifier())).verified().get(0);
        assertThat(s.previous()).hasValueSatisfying(p -> assertThat(p.seed())
                .isEqualTo(EpochSeed.fromBeaconSignature(1, T0.plusSeconds(10), Duration.ofMinutes(5), sig.signature()).seed()));
    }
}
