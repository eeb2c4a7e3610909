package dev.virex.witness;

import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A witness on a store in a test directory. */
final class Fixture {
    static final SignerKey WITNESS = TestKeys.signer("witness.test/w1");

    final MutableClock clock = MutableClock.atEpoch();
    final Path file;
    WitnessStore store;
    CheckpointWitness witness;

    Fixture(Path dir, VerifierKey... logs) throws IOException {
        this.file = dir.resolve("witness.db");
        open(logs.length == 0 ? List.of(TestLog.KEY.verifierKey()) : List.of(logs));
    }

    void open(List<VerifierKey> logs) throws IOException {
        store = WitnessStore.open(file);
        witness = new CheckpointWitness(logs, WITNESS, store, clock);
    }

    /** Simulates a restart: a new process on the same database file. */
    void restart() throws IOException {
        store.close();
        open(List.of(TestLog.KEY.verifierKey()));
    }
}
