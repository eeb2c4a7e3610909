package dev.virex.log.server;

import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.Verifiers;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a log. The origin of its checkpoints is the log key's name.
 *
 * @param dir data directory: the public tlog-tiles files, plus private state under {@code .state/}
 * @param signer the log's checkpoint key
 * @param verifier the verifier of that key (checks the stored checkpoint at start)
 * @param federation the keys whose signature admits an entry
 * @param maxBatch most entries the sequencer journals in one fsync
 * @param maxBatchDelay how long the sequencer waits for a batch to fill once one entry is queued
 * @param maxQueue most entries waiting to be sequenced; beyond it appends get "busy" (429)
 * @param maxBacklog most sequenced entries not yet integrated; the sequencer waits beyond it
 * @param checkpointInterval least time between two integration rounds (each writes tiles and a
 *     checkpoint): more entries per round, fewer fsyncs competing with the journal's
 * @param integrationWait how long {@code add} waits for the entry's checkpoint to return a receipt
 * @param cacheBytes memory for cached tiles
 * @param cosign the step between signing and publishing each checkpoint
 */
public record LogConfig(Path dir, NoteSigner signer, NoteVerifier verifier, Verifiers federation, int maxBatch,
                        Duration maxBatchDelay, int maxQueue, int maxBacklog, Duration checkpointInterval, Duration integrationWait,
                        long cacheBytes, CosignStep cosign) {
    public LogConfig {
        if (!signer.name().equals(verifier.name()) || signer.keyId() != verifier.keyId()) {
            throw new IllegalArgumentException("log signer and verifier are different keys");
        }
        if (maxBatch < 1 || maxQueue < 1 || maxBacklog < maxBatch || cacheBytes < 1 << 16) {
            throw new IllegalArgumentException("batch, queue, backlog and cache sizes must be positive (backlog >= batch)");
        }
        if (maxBatchDelay.isNegative() || checkpointInterval.isNegative() || integrationWait.isNegative()) {
            throw new IllegalArgumentException("negative durations");
        }
    }

    /**
     * Defaults: batches of up to 4,096 entries, made of whatever queued while the previous fsync
     * ran (no added delay); at most one checkpoint per 10 ms; receipts waited for 10 s.
     */
    public static LogConfig defaults(Path dir, NoteSigner signer, NoteVerifier verifier, Verifiers federation) {
        return new LogConfig(dir, signer, verifier, federation, 4096, Duration.ZERO, 65_536, 262_144,
                Duration.ofMillis(10), Duration.ofSeconds(10), 64L << 20, CosignStep.NONE);
    }

    public String origin() {
        return signer.name();
    }

    public LogConfig withBatching(int batch, Duration delay) {
        return new LogConfig(dir, signer, verifier, federation, batch, delay, maxQueue, Math.max(maxBacklog, batch),
                checkpointInterval, integrationWait, cacheBytes, cosign);
    }

    public LogConfig withQueue(int queue) {
        return new LogConfig(dir, signer, verifier, federation, maxBatch, maxBatchDelay, queue, maxBacklog,
                checkpointInterval, integrationWait, cacheBytes, cosign);
    }

    public LogConfig withCheckpointInterval(Duration interval) {
        return new LogConfig(dir, signer, verifier, federation, maxBatch, maxBatchDelay, maxQueue, maxBacklog,
                interval, integrationWait, cacheBytes, cosign);
    }

    public LogConfig withBacklog(int backlog) {
        return new LogConfig(dir, signer, verifier, federation, maxBatch, maxBatchDelay, maxQueue, backlog,
                checkpointInterval, integrationWait, cacheBytes, cosign);
    }

    public LogConfig withIntegrationWait(Duration wait) {
        return new LogConfig(dir, signer, verifier, federation, maxBatch, maxBatchDelay, maxQueue, maxBacklog,
                checkpointInterval, wait, cacheBytes, cosign);
    }

    public LogConfig withCosign(CosignStep step) {
        return new LogConfig(dir, signer, verifier, federation, maxBatch, maxBatchDelay, maxQueue, maxBacklog,
                checkpointInterval, integrationWait, cacheBytes, step);
    }

    Path stateDir() {
        return dir.resolve(".state");
    }
}
