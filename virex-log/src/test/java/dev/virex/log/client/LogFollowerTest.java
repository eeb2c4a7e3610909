package dev.virex.log.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteVerifier;
import dev.virex.http.HttpService;
import dev.virex.log.LogFixture;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.Admission;
import dev.virex.log.server.TiledLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    static final String ORIGIN = LogFixture.LOG.name();
    static final NoteVerifier KEY = LogFixture.LOG.verifierKey().noteVerifier();

    @TempDir
    Path a;

    @TempDir
    Path b;

    static List<Bytes> fill(TiledLog log, String prefix, int n) throws Exception {
        List<Bytes> out = new ArrayList<>();
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Bytes e = LogFixture.decision(prefix + " " + i);
            out.add(e);
            acks.add(log.append(Admission.Admitted.of(e)));
        }
        for (CompletableFuture<Long> f : acks) {
            f.get();
        }
        log.add(out.get(n - 1)); // a duplicate: returns once the checkpoint covers everything
        return out;
    }

    static List<Bytes> drain(LogFollower f) throws Exception {
        List<Bytes> got = new ArrayList<>();
        long start = f.nextIndex();
        for (Optional<LogFollower.Batch> batch; (batch = f.next()).isPresent(); ) {
            assertThat(batch.get().firstIndex()).isEqualTo(start + got.size());
            assertThat(batch.get().entries()).hasSizeLessThanOrEqualTo(256);
            got.addAll(batch.get().entries());
        }
        return got;
    }

    @Test
    void followsOverHttpInVerifiedBatches() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(a));
             LogServer server = LogServer.start(log, HttpService.Options.loopback("log"))) {
            List<Bytes> added = new ArrayList<>(fill(log, "first", 600));
            LogFollower f = LogFollower.fromStart(new HttpLogClient(server.baseUri()), ORIGIN, KEY, 256);
            assertThat(drain(f)).isEqualTo(added);
            assertThat(f.nextIndex()).isEqualTo(600);
            assertThat(f.next()).isEmpty();
            added.addAll(fill(log, "second", 70));
            List<Bytes> more = drain(f);
            assertThat(more).isEqualTo(added.subList(600, 670));
            assertThat(f.checkpoint().orElseThrow().checkpoint().size()).isEqualTo(670);
            f.verifyInclusion(650, added.get(650));
            assertThatThrownBy(() -> f.verifyInclusion(650, added.get(651))).isInstanceOf(LogVerificationException.class);
        }
    }

    @Test
    void resumesFromATrustedCheckpoint() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(a))) {
            List<Bytes> added = fill(log, "d", 300);
            SignedCheckpoint trusted = log.signedCheckpoint();
            added = new ArrayList<>(added);
            added.addAll(fill(log, "e", 10));
            LogFollower f = LogFollower.resume(log, ORIGIN, KEY, trusted, 123, 4096);
            List<Bytes> got = new ArrayList<>();
            for (Optional<LogFollower.Batch> batch; (batch = f.next()).isPresent(); ) {
                got.addAll(batch.get().entries());
            }
            assertThat(got).isEqualTo(added.subList(123, 310));
        }
    }

    @Test
    void aForkedLogIsASplitView() throws Exception {
        try (TiledLog honest = TiledLog.open(LogFixture.config(a)); TiledLog fork = TiledLog.open(LogFixture.config(b))) {
            fill(honest, "shared", 5);
            fill(honest, "honest", 3);
            fill(fork, "shared", 5);
            fill(fork, "forked", 4);
            Readers.Switchable reader = new Readers.Switchable(honest);
            LogFollower f = LogFollower.fromStart(reader, ORIGIN, KEY, 256);
            drain(f);
            reader.target = fork; // the log now shows another history, signed by the same key
            SplitViewException e = catchSplit(f);
            assertThat(e.first().checkpoint().size()).isEqualTo(8);
            assertThat(e.second().checkpoint().size()).isEqualTo(9);
            assertThat(e).hasMessageStartingWith("split view");
            assertThat(f.nextIndex()).isEqualTo(8);

            fill(honest, "honest more", 1); // 9 entries: same size as the fork, other root
            LogFollower g = LogFollower.fromStart(new Readers.Switchable(honest), ORIGIN, KEY, 256);
            drain(g);
            Readers.Switchable r2 = new Readers.Switchable(fork);
            LogFollower h = LogFollower.resume(r2, ORIGIN, KEY, fork.signedCheckpoint(), 9, 256);
            r2.target = honest;
            assertThat(catchSplit(h)).hasMessageContaining("same tree size");
        }
    }

    private static SplitViewException catchSplit(LogFollower f) {
        try {
            f.next();
        } catch (SplitViewException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a split view, got " + e, e);
        }
        throw new AssertionError("expected a split view");
    }

    @Test
    void badDataIsRefusedAndNoBatchIsHandedOutPartially() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(a))) {
            List<Bytes> added = fill(log, "d", 20);
            Readers.Tampering reader = new Readers.Tampering(log);
            LogFollower f = LogFollower.fromStart(reader, ORIGIN, KEY, 256);
            reader.bundles = Readers::flipLastByte;
            assertThatThrownBy(f::next).isInstanceOf(LogVerificationException.class).hasMessageContaining("signed root");
            assertThat(f.nextIndex()).isZero();
            reader.bundles = x -> x;
            assertThat(drain(f)).isEqualTo(added);

            reader.checkpoints = c -> LogFixture.signedBy(LogFixture.STRANGER, "log.virex.test\n20\n" + "A".repeat(43) + "=");
            assertThatThrownBy(f::next).isInstanceOf(LogVerificationException.class).hasMessageContaining("does not verify");
            SignedCheckpoint old = f.checkpoint().orElseThrow();
            reader.checkpoints = c -> old.raw();
            fill(log, "more", 2);
            assertThat(f.next()).isEmpty(); // the same (stale) checkpoint: nothing new, no error
        }
    }
}
