package dev.virex.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InProcessWitnessTest extends WitnessContract {
    @Override
    WitnessApi api() {
        return f.witness;
    }

    @Override
    void restart() throws Exception {
        f.restart();
    }

    @Test
    void concurrentRequestsFromOneOldSizeNeverRollBackNorCosignAFork() throws Exception {
        log.grow(16);
        api().addCheckpoint(log.request(0));
        TestLog a = new TestLog().grow(16 + 40);   // honest growth: sizes 56
        TestLog b = new TestLog(TestLog.KEY, "fork").grow(56); // another history of the same size
        TestLog c = new TestLog().grow(16 + 90);   // honest, larger
        List<Callable<Bytes>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            TestLog l = List.of(a, b, c).get(i % 3);
            calls.add(() -> {
                try {
                    api().addCheckpoint(l.request(16));
                    return l.signed();
                } catch (WitnessException e) {
                    return null;
                }
            });
        }
        Set<String> won = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Bytes> r : pool.invokeAll(calls)) {
                if (r.get() != null) {
                    won.add(Note.parse(r.get().toArray()).text());
                }
            }
        }
        // From old size 16 exactly one request can win; all others see 409.
        assertThat(won).hasSize(1);
        Bytes stored = api().latestCheckpoint(TestLog.ORIGIN).orElseThrow();
        assertThat(won).containsExactly(Note.parse(stored.toArray()).text());
    }

    @Test
    void aLogWithTwoKeysForOneOriginIsAcceptedUnderEither() throws Exception {
        var rotated = dev.virex.core.note.SignerKey.generate(TestLog.ORIGIN, new dev.virex.testkit.DeterministicRandom("rotated"));
        f.store.close();
        f.open(List.of(TestLog.KEY.verifierKey(), rotated.verifierKey()));
        TestLog old = new TestLog().grow(4);
        api().addCheckpoint(old.request(0));
        TestLog next = new TestLog(rotated, "main").grow(9);
        assertThat(api().addCheckpoint(next.request(4))).hasSize(1);
    }
}
