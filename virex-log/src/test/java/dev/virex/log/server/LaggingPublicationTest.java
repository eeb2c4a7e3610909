package dev.virex.log.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.log.AddResult;
import dev.virex.log.LogFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A required cosign step (witnesses) that fails: integration goes on, the published checkpoint
 * stays put, the partial tiles it needs are kept, and a restart recovers from it.
 */
class LaggingPublicationTest {
    @TempDir
    Path dir;

    /** A required step that refuses while {@code down} is set. */
    static final class Switch implements CosignStep {
        volatile boolean down;

        @Override
        public Bytes cosign(SignedCheckpoint signed) throws IOException {
            if (down) {
                throw new IOException("witnesses down");
            }
            return signed.raw();
        }

        @Override
        public boolean required() {
            return true;
        }
    }

    static void append(TiledLog log, String prefix, int n) throws Exception {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            acks.add(log.append(Admission.Admitted.of(LogFixture.decision(prefix + " " + i))));
        }
        for (CompletableFuture<Long> f : acks) {
            f.get();
        }
    }

    @Test
    void integrationContinuesWhilePublicationWaitsAndARestartRecovers() throws Exception {
        Switch step = new Switch();
        try (TiledLog log = TiledLog.open(LogFixture.config(dir).withCosign(step))) {
            append(log, "published", 99);
            assertThat(log.add(LogFixture.decision("last published")).receipt()).isPresent();
            assertThat(log.size()).isEqualTo(100);
            assertThat(dir.resolve("tile/0/000.p/100")).exists();

            step.down = true;
            append(log, "lagging", 299);
            AddResult r = log.add(LogFixture.decision("last lagging"));
            assertThat(r.receipt()).isEmpty();
            // add returned without a receipt because publication lags and the entry is integrated.
            assertThat(log.integratedSize()).isEqualTo(400);
            assertThat(log.size()).isEqualTo(100);
            assertThat(dir.resolve("tile/0/000")).exists();
            // The published tree of 100 entries still has its partial tiles on disk.
            assertThat(dir.resolve("tile/0/000.p/100")).exists();
            assertThat(dir.resolve("tile/entries/000.p/100")).exists();
            assertThat(new String(Files.readAllBytes(dir.resolve("checkpoint")))).contains("\n100\n");
        }
        // Restart (the journal holds the 300 unpublished entries); with witnesses back, all publish.
        try (TiledLog log = TiledLog.open(LogFixture.config(dir).withCosign(new Switch()))) {
            assertThat(log.add(LogFixture.decision("after restart")).index()).isEqualTo(400);
            assertThat(log.size()).isEqualTo(401);
            assertThat(dir.resolve("tile/0/000.p/100")).doesNotExist();
        }
    }
}
