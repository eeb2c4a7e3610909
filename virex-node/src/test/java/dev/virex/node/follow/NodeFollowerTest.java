package dev.virex.node.follow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.tlog.TilePath;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.node.net.TestFederation;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower in process, against the real log's files: batches are all or nothing, state persists. */
class NodeFollowerTest {
    static final NoteVerifier LOG_KEY = TestKeys.signer("log.follow.test").verifierKey().noteVerifier();
    static final VerifierKey FORGER = TestKeys.signer(TestFederation.NAME).verifierKey();

    @TempDir
    Path dir;

    TiledLog open(TestFederation fed) throws IOException {
        var k = TestKeys.signer("log.follow.test");
        return TiledLog.open(LogConfig.defaults(dir.resolve("log"), k.noteSigner(), LOG_KEY,
                Verifiers.of(fed.vkey().noteVerifier(), FORGER.noteVerifier())).withBatching(256, Duration.ZERO)
                .withCheckpointInterval(Duration.ZERO));
    }

    static WitnessedLog source(LogReader log) throws Exception {
        return new WitnessedLog(log, TlogPolicy.parse("log " + TestKeys.signer("log.follow.test").verifierKey().encode() + "\nquorum none\n"),
                Optional.empty());
    }

    static Bytes approve(TestFederation fed, String name) throws Exception {
        return fed.approve(TestFederation.info(TestKeys.signer(name).verifierKey(), NodeRole.ODS, "192.0.2.1:1", "192.0.2.1:2"));
    }

    @Test
    void aBatchWithOneBadEntryIsNotAppliedAtAll() throws Exception {
        TestFederation fed = new TestFederation("batch");
        try (TiledLog log = open(fed)) {
            log.add(fed.genesis());
            NodeFollower f = new NodeFollower(source(log), LOG_KEY, fed.vkey(), Optional.empty(), Optional.empty(),
                    new FollowerSettings(MutableClock.atEpoch(), 256, 10_000, Runnable::run));
            f.pollOnce();
            assertThat(f.table().logSize()).isEqualTo(1);
            log.add(approve(fed, "a.follow.test"));
            log.add(Bytes.wrap(dev.virex.core.note.Note.sign(
                    dev.virex.core.note.Note.parse(approve(fed, "b.follow.test").toArray()).text(),
                    TestKeys.signer(TestFederation.NAME).noteSigner()).encode()));
            log.add(approve(fed, "c.follow.test"));
            f.pollOnce();
            assertThat(f.alarm()).get().extracting(Alarm::kind).isEqualTo(Alarm.Kind.BAD_ENTRY);
            assertThat(f.alarm().get().message()).contains("log entry 2");
            assertThat(f.table().logSize()).as("entry 1, valid, came in the same batch: not applied either").isEqualTo(1);
            assertThat(f.table().peers()).isEmpty();
            assertThat(f.stats().polls()).isEqualTo(2);
            f.pollOnce();
            assertThat(f.stats().polls()).as("an alarmed follower does not poll").isEqualTo(2);
        }
    }

    @Test
    void batchesAreBoundedPerPollAndTheStateIsPersistedAndResumed() throws Exception {
        TestFederation fed = new TestFederation("persist");
        try (TiledLog log = open(fed)) {
            log.add(fed.genesis());
            for (int i = 0; i < 300; i++) {
                log.add(approve(fed, "n" + i + ".follow.test"));
            }
            StateStore store = new StateStore(dir.resolve("state"), MutableClock.atEpoch());
            List<Long> sizes = new java.util.ArrayList<>();
            NodeFollower f = new NodeFollower(source(log), LOG_KEY, fed.vkey(), Optional.empty(), Optional.of(store),
                    new FollowerSettings(MutableClock.atEpoch(), 256, 256, Runnable::run));
            f.addListener((before, after, u) -> sizes.add(after.logSize()));
            f.pollOnce();
            assertThat(sizes).containsExactly(256L);
            f.pollOnce();
            assertThat(sizes).containsExactly(256L, 301L);
            assertThat(f.table().peers()).hasSize(300);

            FollowerState saved = store.load(LOG_KEY).orElseThrow();
            assertThat(saved.directory()).isEqualTo(f.directory().orElseThrow());
            log.add(approve(fed, "late.follow.test"));
            CountingReader counting = new CountingReader(log);
            NodeFollower resumed = new NodeFollower(source(counting), LOG_KEY, fed.vkey(), Optional.of(saved), Optional.of(store),
                    new FollowerSettings(MutableClock.atEpoch(), 256, 10_000, Runnable::run));
            assertThat(resumed.table()).isEqualTo(f.table());
            resumed.pollOnce();
            assertThat(resumed.table().peers()).hasSize(301);
            assertThat(counting.entryBundles).as("only the bundle holding the new entry").isEqualTo(1);
        }
    }

    @Test
    void anUnverifiableAnswerIsRetriedNotAlarmed() throws Exception {
        TestFederation fed = new TestFederation("transient");
        try (TiledLog log = open(fed)) {
            log.add(fed.genesis());
            log.add(approve(fed, "a.follow.test"));
            AtomicBoolean corrupt = new AtomicBoolean(true);
            LogReader flaky = new LogReader() {
                public Bytes checkpoint() throws IOException, LogException {
                    return log.checkpoint();
                }

                public Bytes tile(TilePath path) throws IOException, LogException {
                    Bytes t = log.tile(path);
                    if (path.isEntries() && corrupt.getAndSet(false)) {
                        byte[] b = t.toArray();
                        b[b.length - 1] ^= 1;
                        return Bytes.wrap(b);
                    }
                    return t;
                }
            };
            NodeFollower f = new NodeFollower(source(flaky), LOG_KEY, fed.vkey(), Optional.empty(), Optional.empty(),
                    new FollowerSettings(MutableClock.atEpoch(), 256, 10_000, Runnable::run));
            f.pollOnce();
            assertThat(f.alarm()).isEmpty();
            assertThat(f.lastError()).get().asString().contains("signed root");
            assertThat(f.stats().failures()).isEqualTo(1);
            assertThat(f.table().logSize()).isZero();
            f.pollOnce();
            assertThat(f.table().logSize()).isEqualTo(2);
            assertThat(f.lastError()).isEmpty();
        }
    }

    static final class CountingReader implements LogReader {
        final LogReader log;
        int entryBundles;

        CountingReader(LogReader log) {
            this.log = log;
        }

        @Override
        public Bytes checkpoint() throws IOException, LogException {
            return log.checkpoint();
        }

        @Override
        public Bytes tile(TilePath path) throws IOException, LogException {
            if (path.isEntries()) {
                entryBundles++;
            }
            return log.tile(path);
        }
    }
}
