package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.log.LogFixture;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The process {@link CrashTest} kills: opens the log (recovering from the previous kill), then
 * appends a stream of federation decisions from several threads and prints one line per
 * acknowledgement, {@code ACK <index> <sha256 of the entry>}, only once the append is durably
 * sequenced, and one line per checkpoint it sees published, {@code CP <size> <root>}.
 */
public final class CrashChild {
    private static final PrintStream OUT = System.out;

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        TiledLog log = TiledLog.open(LogFixture.config(dir).withBatching(64, java.time.Duration.ZERO));
        say("CP " + log.size() + " " + log.signedCheckpoint().checkpoint().rootHash().toBase64());
        for (int t = 0; t < 3; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> pipelined(log, run + "-" + thread));
        }
        Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; ; i++) {
                    Bytes e = LogFixture.decision("crash run " + run + " waited " + i);
                    ack(log.add(e).index(), e);
                    SignedCheckpoint cp = log.signedCheckpoint();
                    say("CP " + cp.checkpoint().size() + " " + cp.checkpoint().rootHash().toBase64());
                }
            } catch (Exception e) {
                say("ERR " + e);
            }
        });
        Thread.sleep(Long.MAX_VALUE); // until killed
    }

    private static void pipelined(TiledLog log, String name) {
        Semaphore window = new Semaphore(32);
        try {
            for (int i = 0; ; i++) {
                window.acquire();
                Bytes e = LogFixture.decision("crash run " + name + " entry " + i);
                CompletableFuture<Long> f = log.append(Admission.Admitted.of(e));
                f.whenComplete((index, err) -> {
                    window.release();
                    if (err == null) {
                        ack(index, e);
                    }
                });
            }
        } catch (Exception e) {
            say("ERR " + e);
        }
    }

    private static void ack(long index, Bytes entry) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(entry.toArray());
            say("ACK " + index + " " + HexFormat.of().formatHex(h));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void say(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
