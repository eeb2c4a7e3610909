package dev.virex.log.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.ProofVerifier;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.Tiles;
import dev.virex.core.tlog.TreeAudit;
import dev.virex.log.LogFixture;
import dev.virex.testkit.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a stream of appends: a separate JVM ({@link CrashChild}) appends and reports
 * acknowledgements; this test kills it with SIGKILL after a random number of them, reopens the log
 * (running recovery), and checks that every acknowledged entry is at its index, that every tile
 * and bundle matches the signed root, and that every checkpoint the child saw is consistent with
 * the recovered one. Several rounds on the same directory; each round is bounded.
 */
class CrashTest {
    static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    record Seen(long size, Bytes root) {}

    @Test
    void noAcknowledgedEntryIsLostAndTheTreeStaysConsistent() throws Exception {
        DeterministicRandom random = new DeterministicRandom("crash-test");
        Map<Long, String> acked = new ConcurrentHashMap<>();
        List<Seen> checkpoints = new CopyOnWriteArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int target = round == 0 ? 1 + random.nextInt(20) : 50 + random.nextInt(1500);
            int before = acked.size();
            runAndKill(round, target, acked, checkpoints);
            assertThat(acked.size()).as("round %d acknowledged something", round).isGreaterThan(before);
            verify(acked, checkpoints);
        }
    }

    private void runAndKill(int round, int target, Map<Long, String> acked, List<Seen> checkpoints) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(), Integer.toString(round));
        Path out = logs.resolve("crash-child-" + round + ".out");
        pb.redirectOutput(out.toFile());
        pb.redirectError(logs.resolve("crash-child-" + round + ".log").toFile());
        Process p = pb.start();
        // The child's acknowledgements go to a file: what it wrote before the kill stays there.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countAcks(out) < target && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5); // polling another process's progress; no clock to inject
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> errors = new ArrayList<>();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            lines = lines.subList(0, lines.size() - 1); // a line cut by the kill
        }
        int acks = 0;
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "ACK" -> {
                    String old = acked.put(Long.parseLong(f[1]), f[2]);
                    if (old != null && !old.equals(f[2])) {
                        errors.add("index " + f[1] + " acknowledged for two entries");
                    }
                    acks++;
                }
                case "CP" -> checkpoints.add(new Seen(Long.parseLong(f[1]), Bytes.wrap(java.util.Base64.getDecoder().decode(f[2]))));
                default -> errors.add(line);
            }
        }
        assertThat(errors).as("child output").isEmpty();
        assertThat(acks).as("child reached %d acknowledgements in time (see %s)", target, logs.resolve("crash-child-" + round + ".log"))
                .isGreaterThanOrEqualTo(target);
    }

    private static long countAcks(Path out) throws java.io.IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(out);
        long n = 0;
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == 'A' && b[i + 1] == 'C' && b[i + 2] == 'K' && (i == 0 || b[i - 1] == '\n')) {
                n++;
            }
        }
        return n;
    }

    private void verify(Map<Long, String> acked, List<Seen> checkpoints) throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir))) {
            long size = log.size();
            Bytes root = log.signedCheckpoint().checkpoint().rootHash();
            new TreeAudit(log.tileReader()).verify(size, root);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Long> missing = new ArrayList<>();
            for (var e : acked.entrySet()) {
                long index = e.getKey();
                if (index >= size) {
                    missing.add(index);
                    continue;
                }
                TilePath p = Tiles.tile(TilePath.ENTRIES, index / 256, size);
                Bytes entry = EntryBundle.parse(log.tile(p).toArray(), p.width()).entries().get((int) (index % 256));
                assertThat(HexFormat.of().formatHex(sha.digest(entry.toArray()))).as("entry %d", index).isEqualTo(e.getValue());
            }
            assertThat(missing).as("acknowledged entries missing after recovery").isEmpty();
            for (Seen s : checkpoints) {
                if (s.size() > 0) {
                    ProofVerifier.verifyConsistency(s.size(), size, s.root(), root, log.consistencyProof(s.size(), size).hashes());
                }
            }
        }
    }
}
