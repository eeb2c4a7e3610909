package dev.virex.federation.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member acts on the log only once a checkpoint meets its witness policy (C2SP tlog-policy), when it has one. */
class LogViewTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final SignerKey GROUP = TestKeys.signer("fed.view.test");
    static final SignerKey LOG = TestKeys.signer("log.view.test");
    static final SignerKey WITNESS = TestKeys.signer("witness.view.test");

    @TempDir
    Path dir;

    static byte[] genesis() {
        FederationKey fk = new FederationKey(new Header(DecisionKind.FEDERATION_KEY, GROUP.name(), T), GROUP.verifierKey(), 1,
                List.of(new FederationKey.Member(1, "m1.view.test", TestKeys.signer("m1.view.test").verifierKey(),
                        TestKeys.signer("share").verifierKey().publicKey())), Optional.empty());
        return Note.sign(fk.text(), GROUP.noteSigner()).encode();
    }

    static byte[] params() {
        ParamsChanged pc = new ParamsChanged(new Header(DecisionKind.PARAMS_CHANGED, GROUP.name(), T.plusSeconds(1)), T,
                new TreeMap<>(Map.of("join.effort", "99")));
        return Note.sign(pc.text(), GROUP.noteSigner()).encode();
    }

    @Test
    void entriesWaitForAWitnessedCheckpoint() throws Exception {
        AtomicBoolean witnessing = new AtomicBoolean(false);
        LogConfig config = LogConfig.defaults(dir, LOG.noteSigner(), LOG.verifierKey().noteVerifier(), Verifiers.of(GROUP.verifierKey().noteVerifier()))
                .withCosign(cp -> !witnessing.get() ? cp.raw() : Bytes.wrap(cp.note().note()
                        .withSignatures(List.of(Cosignature.signer(WITNESS, T.getEpochSecond()))).encode()));
        TlogPolicy policy = TlogPolicy.parse("log " + LOG.verifierKey().encode() + "\nwitness w " + Cosignature.cosignerKey(WITNESS.verifierKey())
                .encode() + "\nquorum w\n");
        try (TiledLog log = TiledLog.open(config)) {
            LogView witnessed = new LogView(log, LOG.verifierKey(), GROUP.verifierKey(), Optional.of(policy));
            LogView trusting = new LogView(log, LOG.verifierKey(), GROUP.verifierKey(), Optional.empty());
            log.add(Bytes.wrap(genesis()));
            witnessed.sync();
            trusting.sync();
            assertThat(trusting.directory()).isPresent();
            assertThat(witnessed.directory()).isEmpty();
            assertThat(witnessed.problem()).contains("quorum NOT met");
            witnessing.set(true);
            log.add(Bytes.wrap(params()));
            witnessed.sync();
            assertThat(witnessed.size()).isEqualTo(2);
            assertThat(witnessed.directory().orElseThrow().paramsAt(T)).containsEntry("join.effort", "99");
            assertThat(witnessed.problem()).isEmpty();
            assertThat(witnessed.decided("genesis")).isPresent();
        }
    }
}
