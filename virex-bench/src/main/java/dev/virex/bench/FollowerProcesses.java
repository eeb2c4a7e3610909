package dev.virex.bench;

import dev.virex.node.follow.FollowerState;
import dev.virex.node.follow.StateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The followers of {@link FollowerFleet} that run in their own JVMs ({@link FollowerProcess}): each
 * starts from the given state, reports the log size it reached, and exits when its stdin closes;
 * {@link #close()} makes sure of it (and a shutdown hook, if the benchmark JVM goes first).
 */
final class FollowerProcesses implements AutoCloseable {
    /** Told each log size a process reports: (process number, size). */
    interface Listener {
        void reached(int process, long size);
    }

    private final List<Process> children = new ArrayList<>();
    private final AtomicLongArray sizes;
    private final Path dir;
    private final Thread reaper = new Thread(this::stop);

    FollowerProcesses(int n, Path dir, Path policy, String federation, Duration poll, FollowerState start, Listener listener)
            throws IOException {
        this.dir = dir;
        this.sizes = new AtomicLongArray(n);
        Runtime.getRuntime().addShutdownHook(reaper);
        for (int i = 0; i < n; i++) {
            new StateStore(dir.resolve("process" + i), Clock.systemUTC()).save(start);
            children.add(spawn(i, policy, federation, poll, listener));
        }
    }

    int size() {
        return children.size();
    }

    private Process spawn(int i, Path policy, String federation, Duration poll, Listener listener) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FollowerProcess.class.getName(), policy.toString(), federation,
                Long.toString(poll.toMillis()), dir.resolve("process" + i).toString()));
        if (Runtime.version().feature() >= 24) {
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("process" + i + ".log").toFile()).start();
        Thread.ofPlatform().daemon().name("bench-child-" + i).start(() -> read(i, p, listener));
        return p;
    }

    private void read(int i, Process p, Listener listener) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                long size = Long.parseLong(line.split(" ")[1]);
                sizes.set(i, size);
                listener.reached(i, size);
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone; a round waiting for it times out and says so
        }
    }

    /** Waits (at most two minutes) until every process has reached {@code size}. */
    void awaitSize(long size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < children.size(); i++) {
            while (sizes.get(i) < size) {
                if (System.nanoTime() > deadline || !children.get(i).isAlive()) {
                    throw new IllegalStateException("follower process " + i + " did not start; see " + dir.resolve("process" + i + ".log"));
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // shutting down already
        }
    }

    private void stop() {
        for (Process p : children) {
            try {
                p.getOutputStream().close(); // the child exits when its stdin closes
            } catch (IOException e) {
                // already gone
            }
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
