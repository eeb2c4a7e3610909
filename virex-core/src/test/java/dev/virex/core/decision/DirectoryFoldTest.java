package dev.virex.core.decision;

import static dev.virex.core.decision.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryFoldTest {
    private final DirectoryFold fold = DirectoryFold.fromGenesis(Fixtures.GROUP.verifierKey());

    private FoldOutcome apply(Decision d) throws FoldException {
        return fold.apply(Fixtures.sign(d));
    }

    @Test
    void joinsAndRemovalsShapeTheDirectory() throws Exception {
        assertThat(apply(Fixtures.genesis(5, 3)).applied()).isTrue();
        apply(Fixtures.approve("mix-1.virex.example", "192.0.2.10:4000", T0.plusSeconds(10)));
        apply(Fixtures.approve("mix-2.virex.example", "192.0.2.11:4000", T0.plusSeconds(11)));
        assertThat(fold.directory().nodes()).containsOnlyKeys("mix-1.virex.example", "mix-2.virex.example");
        assertThat(fold.directory().nodes().get("mix-1.virex.example").admittedIndex()).isEqualTo(1);

        assertThat(apply(Fixtures.remove("mix-1.virex.example", T0.plusSeconds(20))).applied()).isTrue();
        Directory d = fold.directory();
        assertThat(d.nodes()).containsOnlyKeys("mix-2.virex.example");
        assertThat(d.removed()).containsEntry("mix-1.virex.example", T0.plusSeconds(20));
        assertThat(d.logSize()).isEqualTo(4);
    }

    @Test
    void theFirstEntryMustBeTheTrustedGenesis() {
        SignerKey other = Fixtures.key("other-federation");
        assertThatThrownBy(() -> fold.apply(Fixtures.sign(Fixtures.genesis(5, 3), other)))
                .isInstanceOf(FoldException.class).hasMessageContaining("not signed by the federation key");
        assertThatThrownBy(() -> apply(Fixtures.epoch(1, T0)))
                .isInstanceOf(FoldException.class).hasMessageContaining("genesis");
        assertThat(fold.size()).isZero();
    }

    @Test
    void forgedOrUnparseableEntriesStopTheFold() throws Exception {
        apply(Fixtures.genesis(5, 3));
        byte[] forged = Fixtures.sign(Fixtures.approve("evil.virex.example", "192.0.2.66:4000", T0.plusSeconds(5)),
                Fixtures.key("impostor"));
        assertThatThrownBy(() -> fold.apply(forged)).isInstanceOf(FoldException.class)
                .satisfies(e -> assertThat(((FoldException) e).index()).isEqualTo(1));
        byte[] notADecision = Note.sign("hello\n", Fixtures.GROUP.noteSigner()).encode();
        assertThatThrownBy(() -> fold.apply(notADecision)).hasMessageContaining("not a valid decision");
        assertThat(fold.size()).isEqualTo(1);
    }

    @Test
    void replaysStaleDecisionsAndImpossibleTransitionsAreAnomalies() throws Exception {
        apply(Fixtures.genesis(5, 3));
        JoinApproved ja = Fixtures.approve("mix-1.virex.example", "192.0.2.10:4000", T0.plusSeconds(10));
        apply(ja);
        assertThat(apply(ja).anomaly()).hasValue("replayed decision");
        assertThat(apply(Fixtures.remove("ghost.virex.example", T0.plusSeconds(12))).anomaly()).isPresent();
        apply(Fixtures.remove("mix-1.virex.example", T0.plusSeconds(30)));
        // An old approval re-signed with an earlier time cannot bring the node back.
        assertThat(apply(Fixtures.approve("mix-1.virex.example", "192.0.2.10:4000", T0.plusSeconds(25))).anomaly())
                .hasValueSatisfying(a -> assertThat(a).contains("not newer than its removal"));
        apply(Fixtures.epoch(1, T0.plusSeconds(3600)));
        assertThat(apply(Fixtures.approve("late.virex.example", "192.0.2.12:4000", T0.plusSeconds(60))).anomaly())
                .hasValueSatisfying(a -> assertThat(a).startsWith("stale decision"));
        assertThat(fold.directory().nodes()).isEmpty();
    }

    @Test
    void paramsTakeEffectAtTheirActivationTime() throws Exception {
        apply(Fixtures.genesis(5, 3));
        apply(Fixtures.params(T0.plusSeconds(1), T0.plusSeconds(1), Map.of("pow.effort-floor", "1000")));
        apply(Fixtures.params(T0.plusSeconds(2), T0.plusSeconds(100), Map.of("pow.effort-floor", "4000")));
        Directory d = fold.directory();
        assertThat(d.paramsAt(T0.plusSeconds(50))).containsEntry("pow.effort-floor", "1000");
        assertThat(d.paramsAt(T0.plusSeconds(100))).containsEntry("pow.effort-floor", "4000");
        assertThat(d.pendingAt(T0.plusSeconds(50))).hasSize(1);
        // Once a later decision passes the activation, the superseded value is pruned.
        apply(Fixtures.epoch(1, T0.plusSeconds(200)));
        assertThat(fold.directory().params()).extracting(ParamChange::value).containsExactly("4000");
    }

    @Test
    void epochSeedsComeFromTheBeaconSignature() throws Exception {
        apply(Fixtures.genesis(5, 3));
        EpochBeacon e1 = Fixtures.epoch(1, T0.plusSeconds(10));
        byte[] signed = Fixtures.sign(e1);
        fold.apply(signed);
        var sig = Note.open(signed, Verifiers.of(Fixtures.GROUP.verifierKey().noteVerifier())).verified().get(0);
        assertThat(fold.directory().epoch()).hasValueSatisfying(e -> assertThat(e.seed()).isEqualTo(EpochBeacon.seed(1, sig)));
        // One derivation: the seed a mixnode derives from the same beacon signature is the fold's.
        assertThat(EpochBeacon.seed(1, sig)).isEqualTo(dev.virex.core.pow.EpochSeed.fromBeaconSignature(1, e1.start(),
                e1.length(), sig.signature()).seed());
        apply(Fixtures.epoch(2, T0.plusSeconds(20)));
        assertThat(fold.directory().previousEpoch().map(EpochInfo::epoch)).hasValue(1L);
        assertThat(apply(Fixtures.epoch(2, T0.plusSeconds(30))).anomaly()).isPresent();
    }

    @Test
    void snapshotsMustMatchTheFoldBeforeThem() throws Exception {
        apply(Fixtures.genesis(5, 3));
        apply(Fixtures.approve("mix-1.virex.example", "192.0.2.10:4000", T0.plusSeconds(10)));
        Directory before = fold.directory();
        DirectorySnapshot good = new DirectorySnapshot(Fixtures.header(DecisionKind.DIRECTORY, T0.plusSeconds(11)),
                before.logSize(), before.digest(), before.nodes().size());
        assertThat(apply(good).applied()).isTrue();
        Directory now = fold.directory();
        DirectorySnapshot bad = new DirectorySnapshot(Fixtures.header(DecisionKind.DIRECTORY, T0.plusSeconds(12)),
                now.logSize(), before.digest(), 1);
        assertThat(apply(bad).anomaly()).hasValueSatisfying(a -> assertThat(a).contains("differs"));
    }

    @Test
    void keyRotationNeedsBothKeysAndThenTheNewKeySigns() throws Exception {
        FederationKey genesis = Fixtures.genesis(5, 3);
        apply(genesis);
        SignerKey next = Fixtures.key("federation-2.virex.example");
        FederationKey rotation = new FederationKey(new Header(DecisionKind.FEDERATION_KEY, next.name(), T0.plusSeconds(30)),
                next.verifierKey(), 3, genesis.members(), Optional.of(Fixtures.GROUP.verifierKey()));
        byte[] onlyOld = Fixtures.sign(rotation);
        assertThat(fold.apply(onlyOld).anomaly()).hasValueSatisfying(a -> assertThat(a).contains("new group key"));
        byte[] both = Note.sign(rotation.text(), Fixtures.GROUP.noteSigner(), next.noteSigner()).encode();
        assertThat(fold.apply(both).applied()).isTrue();
        assertThat(fold.groupKey()).isEqualTo(next.verifierKey());
        assertThatThrownBy(() -> apply(Fixtures.epoch(1, T0.plusSeconds(40)))).isInstanceOf(FoldException.class);
    }

    @Test
    void resumingFromAParsedSnapshotGivesTheSameStateAsFoldingOn() throws Exception {
        List<byte[]> entries = new ArrayList<>();
        entries.add(Fixtures.sign(Fixtures.genesis(5, 3)));
        Instant t = T0;
        for (int i = 0; i < 30; i++) {
            t = t.plusSeconds(7);
            Decision d = switch (i % 5) {
                case 0, 1 -> Fixtures.approve("mix-" + i + ".virex.example", "192.0.2." + (i + 1) + ":4000", t);
                case 2 -> Fixtures.remove("mix-" + (i - 2) + ".virex.example", t);
                case 3 -> Fixtures.params(t, t.plusSeconds(20), Map.of("pow.effort-floor", Integer.toString(1000 + i)));
                default -> Fixtures.epoch(i, t);
            };
            entries.add(Fixtures.sign(d));
        }
        for (int cut = 1; cut < entries.size(); cut += 4) {
            DirectoryFold full = DirectoryFold.fromGenesis(Fixtures.GROUP.verifierKey());
            for (byte[] e : entries.subList(0, cut)) {
                full.apply(e);
            }
            DirectoryFold resumed = DirectoryFold.resume(Directory.parse(full.directory().text()));
            for (byte[] e : entries.subList(cut, entries.size())) {
                FoldOutcome a = full.apply(e);
                FoldOutcome b = resumed.apply(e);
                assertThat(b.anomaly()).isEqualTo(a.anomaly());
            }
            assertThat(resumed.directory().text()).isEqualTo(full.directory().text());
        }
    }
}
