package dev.virex.log.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.tlog.TreeAudit;
import dev.virex.log.LogFixture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged data directories after a crash: repaired when that is safe, refused with the reason otherwise. */
class RecoveryTest {
    @TempDir
    Path dir;

    private int added;

    private long fill(int n) throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            for (int i = 0; i < n; i++) {
                log.add(LogFixture.decision("decision " + added++));
            }
            return log.size();
        }
    }

    private Path segment() {
        return Journal.segmentPath(dir.resolve(".state/journal"), 0);
    }

    private static void append(Path file, byte[] data) throws Exception {
        Files.write(file, data, StandardOpenOption.APPEND);
    }

    private void assertIntact(long size) throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            assertThat(log.size()).isEqualTo(size);
            new TreeAudit(log.tileReader()).verify(size, log.signedCheckpoint().checkpoint().rootHash());
        }
    }

    @Test
    void aTornLastJournalRecordIsCutOff() throws Exception {
        long size = fill(3);
        long before = Files.size(segment());
        ByteBuffer torn = JournalSegment.record(size, List.of(LogFixture.decision("never acknowledged")));
        append(segment(), Arrays.copyOf(torn.array(), torn.limit() - 7));
        assertIntact(size);
        assertThat(Files.size(segment())).isEqualTo(before);
    }

    @Test
    void journaledEntriesBeyondTheCheckpointAreIntegratedOnRestart() throws Exception {
        long size = fill(3);
        Bytes acked = LogFixture.decision("acknowledged just before the crash");
        ByteBuffer rec = JournalSegment.record(size, List.of(acked));
        append(segment(), Arrays.copyOf(rec.array(), rec.limit()));
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            assertThat(log.size()).isEqualTo(size + 1);
            assertThat(log.receipt(size).verify(MerkleHash.leaf(acked), LogFixture.LOG.name(),
                    LogFixture.LOG.verifierKey().noteVerifier()).checkpoint().size()).isEqualTo(size + 1);
            assertThat(log.add(acked).duplicate()).isTrue();
        }
    }

    @Test
    void aJournalDamagedBeforeValidRecordsIsRefused() throws Exception {
        fill(3);
        byte[] data = Files.readAllBytes(segment());
        data[Journal.HEADER_BYTES + 30] ^= 1;
        Files.write(segment(), data);
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("damaged at byte");
    }

    @Test
    void aDamagedOrForeignCheckpointIsRefused() throws Exception {
        fill(2);
        Path cp = dir.resolve("checkpoint");
        byte[] data = Files.readAllBytes(cp);
        Files.write(cp, Arrays.copyOf(data, data.length - 10));
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("checkpoint file");
        Files.write(cp, LogFixture.signedBy(LogFixture.STRANGER, "log.virex.test\n2\n" + MerkleHash.EMPTY_ROOT.toBase64()).toArray());
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("not signed by this log's key");
    }

    @Test
    void aTruncatedTileOrBundleIsRefusedNotServed() throws Exception {
        fill(5);
        Path tile = dir.resolve("tile/0/000.p/5");
        byte[] good = Files.readAllBytes(tile);
        Files.write(tile, Arrays.copyOf(good, 100));
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("do not match its checkpoint");
        Files.write(tile, good);
        Path bundle = dir.resolve("tile/entries/000.p/5");
        byte[] entries = Files.readAllBytes(bundle);
        entries[entries.length - 3] ^= 1;
        Files.write(bundle, entries);
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("entry 4");
    }

    @Test
    void temporaryFilesOfInterruptedWritesAreRemoved() throws Exception {
        long size = fill(2);
        Path temp = dir.resolve("tile/0/.000.tmp");
        Files.write(temp, new byte[] {1, 2, 3});
        Path tempCp = dir.resolve(".checkpoint.tmp");
        Files.write(tempCp, new byte[] {1});
        assertIntact(size);
        assertThat(temp).doesNotExist();
        assertThat(tempCp).doesNotExist();
    }

    @Test
    void tilesWithoutACheckpointAreRefused() throws Exception {
        fill(2);
        Files.delete(dir.resolve("checkpoint"));
        assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                .isInstanceOf(LogStateException.class).hasMessageContaining("no checkpoint");
    }

    @Test
    void tilesWrittenForAnUnpublishedSizeAreRedoneFromTheJournal() throws Exception {
        long size = fill(4);
        byte[] oldCheckpoint = Files.readAllBytes(dir.resolve("checkpoint"));
        fill(3); // grows to 7 entries; then pretend the crash came before the checkpoint write
        Files.write(dir.resolve("checkpoint"), oldCheckpoint);
        assertIntact(size + 3);
    }
}
