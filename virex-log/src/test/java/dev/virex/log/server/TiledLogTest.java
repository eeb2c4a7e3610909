package dev.virex.log.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TlogProof;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.LogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiledLogTest {
    @TempDir
    Path dir;

    @Test
    void acceptsFederationDecisionsWithVerifiableReceipts() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            assertThat(log.size()).isZero();
            Bytes e = LogFixture.decision("join approved: node-1");
            AddResult r = log.add(e);
            assertThat(r.index()).isZero();
            assertThat(r.duplicate()).isFalse();
            TlogProof receipt = r.receipt().orElseThrow();
            SignedCheckpoint cp = TlogProof.parse(receipt.encode())
                    .verify(MerkleHash.leaf(e), LogFixture.LOG.name(), LogFixture.LOG.verifierKey().noteVerifier());
            assertThat(cp.checkpoint().size()).isGreaterThanOrEqualTo(1);
            assertThat(log.add(LogFixture.decision("join approved: node-2")).index()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("checkpoint"))).startsWith("log.virex.test\n2\n");
        assertThat(dir.resolve("tile/0/000.p/2")).exists();
        assertThat(dir.resolve("tile/entries/000.p/2")).exists();
        assertThat(EntryBundle.parse(Files.readAllBytes(dir.resolve("tile/entries/000.p/2")), 2).entries().get(1))
                .isEqualTo(LogFixture.decision("join approved: node-2"));
    }

    @Test
    void duplicatesGetTheExistingIndexAlsoAfterARestart() throws Exception {
        Bytes e = LogFixture.decision("parameters changed: pow effort 12");
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            log.add(LogFixture.decision("first"));
            assertThat(log.add(e).index()).isEqualTo(1);
            AddResult dup = log.add(e);
            assertThat(dup.index()).isEqualTo(1);
            assertThat(dup.duplicate()).isTrue();
            assertThat(dup.receipt()).isPresent();
        }
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            AddResult dup = log.add(e);
            assertThat(dup.index()).isEqualTo(1);
            assertThat(dup.duplicate()).isTrue();
            assertThat(log.size()).isEqualTo(2);
        }
    }

    @Test
    void refusesEntriesTheFederationDidNotSign() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            assertKind(() -> log.add(LogFixture.signedBy(LogFixture.STRANGER, "join approved: sybil")), LogException.Kind.FORBIDDEN);
            assertKind(() -> log.add(Bytes.wrap("not a note\n".getBytes())), LogException.Kind.MALFORMED);
            assertKind(() -> log.add(Bytes.EMPTY), LogException.Kind.MALFORMED);
            byte[] forged = LogFixture.decision("join approved: node-1").toArray();
            forged[0] = 'J';
            assertKind(() -> log.add(Bytes.wrap(forged)), LogException.Kind.FORBIDDEN);
            assertKind(() -> log.add(LogFixture.decision("x".repeat(70_000))), LogException.Kind.TOO_LARGE);
            assertThat(log.size()).isZero();
        }
    }

    @Test
    void servesOnlyTilesOfThePublishedTree() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                acks.add(log.append(Admission.Admitted.of(LogFixture.decision("decision " + i))));
            }
            for (CompletableFuture<Long> a : acks) {
                a.get();
            }
            log.add(LogFixture.decision("last"));
            assertThat(log.size()).isEqualTo(301);
            assertThat(log.tile(TilePath.parse("tile/0/000")).length()).isEqualTo(8192);
            assertThat(log.tile(TilePath.parse("tile/0/001.p/45")).length()).isEqualTo(45 * 32);
            assertThat(log.tile(TilePath.parse("tile/1/000.p/1")).length()).isEqualTo(32);
            assertKind(() -> log.tile(TilePath.parse("tile/0/001.p/46")), LogException.Kind.NOT_FOUND);
            assertKind(() -> log.tile(TilePath.parse("tile/0/001")), LogException.Kind.NOT_FOUND);
            assertKind(() -> log.tile(TilePath.parse("tile/entries/002.p/1")), LogException.Kind.NOT_FOUND);
            // a partial tile of an earlier size is cut from the full tile once that exists
            assertThat(log.tile(TilePath.parse("tile/0/000.p/7"))).isEqualTo(log.tile(TilePath.parse("tile/0/000")).slice(0, 7 * 32));
            assertThat(log.tile(TilePath.parse("tile/entries/000.p/2")).length()).isPositive();
        }
        // partial tiles are deleted once their full tile is published (after the publication)
        assertThat(dir.resolve("tile/0/000.p")).doesNotExist();
        assertThat(dir.resolve("tile/entries/000.p")).doesNotExist();
        assertThat(dir.resolve("tile/0/001.p/45")).exists();
    }

    @Test
    void proofsAreCheckedAgainstThePublishedSize() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            for (int i = 0; i < 5; i++) {
                log.add(LogFixture.decision("d" + i));
            }
            assertThat(log.inclusionProof(2, 5).hashes()).hasSize(3);
            log.consistencyProof(2, 5).verify(rootOf(log, 2), log.signedCheckpoint().checkpoint().rootHash());
            assertKind(() -> log.inclusionProof(1, 6), LogException.Kind.CONFLICT);
            assertKind(() -> log.inclusionProof(5, 5), LogException.Kind.MALFORMED);
            assertKind(() -> log.consistencyProof(0, 5), LogException.Kind.MALFORMED);
            assertKind(() -> log.consistencyProof(3, 9), LogException.Kind.CONFLICT);
            assertKind(() -> log.receipt(5), LogException.Kind.NOT_FOUND);
        }
    }

    @Test
    void concurrentAppendersShareGroupCommitsAndGetDistinctIndexes() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            java.util.Set<Long> indexes = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 24; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            Bytes e = LogFixture.decision("thread " + thread + " entry " + i);
                            switch (i % 3) {
                                case 0 -> indexes.add(log.add(e).index());
                                case 1 -> indexes.add(log.append(Admission.Admitted.of(e)).get());
                                default -> indexes.add(log.appendAll(List.of(Admission.Admitted.of(e)))[0]);
                            }
                        }
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
            }
            assertThat(indexes).hasSize(240);
            assertThat(indexes).allSatisfy(i -> assertThat(i).isBetween(0L, 239L));
        }
    }

    @Test
    void duplicatesInOneBatchShareAnIndex() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            Admission.Admitted a = Admission.Admitted.of(LogFixture.decision("a"));
            Admission.Admitted b = Admission.Admitted.of(LogFixture.decision("b"));
            assertThat(log.appendAll(List.of(a, b, a, b, a))).containsExactly(0, 1, 0, 1, 0);
            assertThat(log.add(LogFixture.decision("c")).index()).isEqualTo(2);
        }
    }

    @Test
    void aClosedLogRefusesAppends() throws Exception {
        TiledLog log = TiledLog.open(LogFixture.config(dir));
        log.add(LogFixture.decision("before"));
        log.close();
        assertKind(() -> log.add(LogFixture.decision("after")), LogException.Kind.UNAVAILABLE);
        assertKind(() -> log.append(Admission.Admitted.of(LogFixture.decision("after"))), LogException.Kind.UNAVAILABLE);
    }

    @Test
    void theCosignStepAppendsCosignaturesBeforePublishing() throws Exception {
        var witness = dev.virex.testkit.TestKeys.signer("witness.virex.test");
        CosignStep cosign = signed -> {
            try {
                return Bytes.wrap(dev.virex.core.note.Note.parse(signed.raw().toArray())
                        .withSignatures(List.of(witness.noteSigner())).encode());
            } catch (dev.virex.core.note.NoteException e) {
                throw new java.io.IOException(e);
            }
        };
        try (TiledLog log = TiledLog.open(LogFixture.config(dir).withCosign(cosign))) {
            AddResult r = log.add(LogFixture.decision("with a witness"));
            SignedCheckpoint cp = log.signedCheckpoint();
            assertThat(cp.note().unverified()).extracting(s -> s.name()).containsExactly("witness.virex.test");
            assertThat(dev.virex.core.note.Note.open(log.checkpoint().toArray(),
                    dev.virex.core.note.Verifiers.of(witness.verifierKey().noteVerifier())).text()).startsWith("log.virex.test\n1\n");
            assertThat(new String(r.receipt().orElseThrow().checkpoint().toArray())).contains("witness.virex.test");
        }
        CosignStep changesText = signed -> LogFixture.signedBy(LogFixture.LOG, "log.virex.test\n9\n" + MerkleHash.EMPTY_ROOT.toBase64());
        try (TiledLog log = TiledLog.open(LogFixture.config(dir).withCosign(changesText))) {
            log.add(LogFixture.decision("second"));
            assertThat(log.signedCheckpoint().checkpoint().size()).isEqualTo(2);
            assertThat(log.signedCheckpoint().note().note().signatures()).hasSize(1);
        }
    }

    @Test
    void aFullQueueAnswersBusyWithRetryAfter() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir).withQueue(2))) {
            List<Admission.Admitted> three = List.of(Admission.Admitted.of(LogFixture.decision("1")),
                    Admission.Admitted.of(LogFixture.decision("2")), Admission.Admitted.of(LogFixture.decision("3")));
            assertThatThrownBy(() -> log.appendAll(three)).isInstanceOfSatisfying(LogException.class, e -> {
                assertThat(e.kind()).isEqualTo(LogException.Kind.BUSY);
                assertThat(e.retryAfter()).isPresent();
            });
            assertThat(log.appendAll(three.subList(0, 2))).containsExactly(0, 1);
        }
    }

    @Test
    void oneProcessPerDirectory() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            assertThatThrownBy(() -> TiledLog.open(LogFixture.config(dir)))
                    .isInstanceOf(LogStateException.class).hasMessageContaining("already open");
        }
    }

    static Bytes rootOf(TiledLog log, long size) throws Exception {
        return dev.virex.core.merkle.MerkleProofs.root(
                new dev.virex.core.tlog.TileNodeReader(log.tileReader(), log.size()), size);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertKind(Call c, LogException.Kind kind) {
        assertThatThrownBy(c::run).isInstanceOfSatisfying(LogException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
