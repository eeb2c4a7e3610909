package dev.virex.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.http.HttpService;
import dev.virex.log.AddResult;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.CosignStep;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.log.witness.WitnessCollector;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that collects cosignatures from real witnesses over HTTP (2 of 3), publishes only with the
 * quorum, keeps appends durable and quick while witnesses are down, and recovers; followers
 * configured with the policy refuse a checkpoint without the quorum.
 */
class LogWitnessingTest {
    static final SignerKey LOG = TestKeys.signer("log.witnessing.test");
    static final SignerKey FEDERATION = TestKeys.signer("federation.witnessing.test");

    @TempDir
    Path dir;

    final List<RunningWitness> witnesses = new ArrayList<>();
    TlogPolicy policy;

    /** One witness process: store, witness, server; stoppable and restartable on its port. */
    final class RunningWitness {
        final SignerKey key;
        final Path db;
        final MutableClock clock = MutableClock.atEpoch();
        WitnessStore store;
        WitnessServer server;
        int port;

        RunningWitness(int i) throws Exception {
            key = TestKeys.signer("w" + i + ".witnessing.test");
            db = dir.resolve("w" + i + ".db");
            start(0);
        }

        void start(int onPort) throws Exception {
            store = WitnessStore.open(db);
            CheckpointWitness w = new CheckpointWitness(List.of(LOG.verifierKey()), key, store, clock);
            server = WitnessServer.start(w, List.of(LOG.name()), HttpService.Options.loopback("witness").withPort(onPort));
            port = server.baseUri().getPort();
        }

        void stop() throws Exception {
            server.close();
            store.close();
            server = null;
        }

        String line(int i) {
            return "witness w" + i + " " + Cosignature.cosignerKey(key.verifierKey()).encode() + " http://127.0.0.1:" + port + "/\n";
        }
    }

    @BeforeEach
    void startWitnesses() throws Exception {
        StringBuilder p = new StringBuilder("log " + LOG.verifierKey().encode() + "\n");
        for (int i = 1; i <= 3; i++) {
            RunningWitness w = new RunningWitness(i);
            witnesses.add(w);
            p.append(w.line(i));
        }
        p.append("group any2 2 w1 w2 w3\nquorum any2\n");
        policy = TlogPolicy.parse(p.toString());
    }

    @AfterEach
    void stopWitnesses() throws Exception {
        for (RunningWitness w : witnesses) {
            if (w.server != null) {
                w.stop();
            }
        }
    }

    LogConfig config(CosignStep step) {
        return LogConfig.defaults(dir.resolve("log"), LOG.noteSigner(), LOG.verifierKey().noteVerifier(),
                        Verifiers.of(FEDERATION.verifierKey().noteVerifier()))
                .withBatching(64, Duration.ZERO).withCheckpointInterval(Duration.ZERO)
                .withIntegrationWait(Duration.ofSeconds(20)).withCosign(step);
    }

    static Bytes decision(String text) {
        return Bytes.wrap(Note.sign(text + "\n", FEDERATION.noteSigner()).encode());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s");
            }
            Thread.sleep(20);
        }
    }

    WitnessedCheckpoint served(TiledLog log) throws Exception {
        return WitnessedCheckpoint.open(log.checkpoint().toArray(), policy);
    }

    @Test
    void checkpointsArePublishedWithTheQuorumAndFollowersFollowThem() throws Exception {
        try (TiledLog log = TiledLog.open(config(WitnessCollector.overHttp(policy, Duration.ofSeconds(5), Duration.ofMillis(200))));
             LogServer server = LogServer.start(log, HttpService.Options.loopback("log"))) {
            for (int i = 0; i < 20; i++) {
                AddResult r = log.add(decision("decision " + i));
                assertThat(r.receipt()).isPresent();
                // The receipt's checkpoint carries the quorum: it verifies offline under the policy.
                assertThat(WitnessedCheckpoint.open(r.receipt().get().checkpoint().toArray(), policy).quorumMet()).isTrue();
            }
            assertThat(served(log).quorumMet()).isTrue();
            LogFollower f = LogFollower.fromStart(new HttpLogClient(server.baseUri()), LOG.name(), LOG.verifierKey().noteVerifier(), 1000)
                    .requireWitnesses(policy);
            long n = 0;
            for (var b = f.next(); b.isPresent(); b = f.next()) {
                n += b.get().entries().size();
            }
            assertThat(n).isEqualTo(20);
        }
    }

    @Test
    void withTwoWitnessesDownAppendsStayDurableAndTheLastWitnessedCheckpointIsServed() throws Exception {
        try (TiledLog log = TiledLog.open(config(WitnessCollector.overHttp(policy, Duration.ofSeconds(5), Duration.ofMillis(100))))) {
            log.add(decision("witnessed"));
            witnesses.get(1).stop();
            witnesses.get(2).stop();
            // One witness left: the first append waits for the failing attempt; later ones return
            // as soon as they are durable and integrated, without a receipt (no witnessed checkpoint
            // covers them yet), instead of waiting out the 20 s receipt wait.
            log.add(decision("while down 0"));
            for (int i = 1; i < 10; i++) {
                AddResult r = log.add(decision("while down " + i));
                assertThat(r.receipt()).isEmpty();
                assertThat(r.index()).isEqualTo(1 + i);
            }
            assertThat(log.integratedSize()).isEqualTo(11);
            assertThat(log.size()).isEqualTo(1);
            assertThat(served(log).quorumMet()).isTrue();

            witnesses.get(1).start(witnesses.get(1).port);
            await(() -> log.size() == 11);
            assertThat(served(log).cosigners()).containsExactlyInAnyOrder("w1", "w2");
        }
    }

    @Test
    void aRestartedLogRelearnsTheWitnessesSizesThrough409() throws Exception {
        CosignStep step = WitnessCollector.overHttp(policy, Duration.ofSeconds(5), Duration.ofMillis(500));
        try (TiledLog log = TiledLog.open(config(step))) {
            for (int i = 0; i < 5; i++) {
                log.add(decision("first run " + i));
            }
        }
        try (TiledLog log = TiledLog.open(config(WitnessCollector.overHttp(policy, Duration.ofSeconds(5), Duration.ofMillis(500))))) {
            assertThat(log.add(decision("second run")).receipt()).isPresent();
            assertThat(served(log).checkpoint().checkpoint().size()).isEqualTo(6);
            assertThat(served(log).cosigners()).containsExactlyInAnyOrder("w1", "w2", "w3");
        }
    }

    @Test
    void aFollowerWithThePolicyRefusesACheckpointWithoutTheQuorum() throws Exception {
        try (TiledLog log = TiledLog.open(config(CosignStep.NONE));
             LogServer server = LogServer.start(log, HttpService.Options.loopback("log"))) {
            log.add(decision("unwitnessed"));
            LogFollower f = LogFollower.fromStart(new HttpLogClient(server.baseUri()), LOG.name(), LOG.verifierKey().noteVerifier(), 1000)
                    .requireWitnesses(policy);
            assertThatThrownBy(f::next).isInstanceOf(LogVerificationException.class).hasMessageContaining("quorum NOT met");
            // Without the policy the same log is followed: the refusal is the quorum's doing.
            LogFollower plain = LogFollower.fromStart(new HttpLogClient(server.baseUri()), LOG.name(), LOG.verifierKey().noteVerifier(), 1000);
            assertThat(plain.next()).isPresent();
        }
    }
}
