package dev.virex.bench;

import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpClients;
import dev.virex.log.http.HttpLogClient;
import dev.virex.node.follow.FollowerSettings;
import dev.virex.node.follow.FollowerState;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.follow.PollSchedule;
import dev.virex.node.follow.StateStore;
import dev.virex.node.follow.WitnessedLog;
import dev.virex.node.routing.RoutingTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * The followers of {@link PropagationBench}: {@code inJvm} node followers in this JVM (each with
 * its own log client and conditional checkpoint requests, fold, routing table and persisted state;
 * they share one HTTP client and a scheduler of {@value #THREADS} threads) and {@code processes} followers in
 * their own JVMs ({@link FollowerProcess}). A {@link Round} waits until every one of them shows a
 * change: in-JVM followers by their routing table, the processes by the log size they report.
 */
final class FollowerFleet implements AutoCloseable {
    /** Scheduler threads of the in-JVM followers (their polls block on the network and on fsync). */
    static final int THREADS = 16;

    /** What one measurement waits for. */
    static final class Round {
        final Predicate<RoutingTable> inJvm;
        final long minSize;
        final CountDownLatch remaining;
        final Set<Integer> done = ConcurrentHashMap.newKeySet();

        Round(Predicate<RoutingTable> inJvm, long minSize, int followers) {
            this.inJvm = inJvm;
            this.minSize = minSize;
            this.remaining = new CountDownLatch(followers);
        }

        void seen(int follower) {
            if (done.add(follower)) {
                remaining.countDown();
            }
        }
    }

    private final List<NodeFollower> followers = new ArrayList<>();
    private final List<PollSchedule> schedules = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private final AtomicLongArray childSizes;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(THREADS,
            r -> Thread.ofPlatform().daemon().name("bench-follower").unstarted(r));
    /**
     * Where the in-JVM followers write their state: one thread for all of them, as each node writes
     * on a thread of its own, off the path from poll to routing table.
     */
    private final ExecutorService persistence = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("bench-persist").unstarted(r));
    private final Path dir;
    private final Thread reaper = new Thread(this::killChildren);
    private volatile Round round;

    FollowerFleet(BenchNetwork net, int inJvm, int processes, Duration poll) throws Exception {
        dir = Files.createTempDirectory("virex-bench-fleet");
        Runtime.getRuntime().addShutdownHook(reaper);
        Path policyFile = dir.resolve("policy.txt");
        Files.writeString(policyFile, net.policy());
        TlogPolicy policy = TlogPolicy.parse(net.policy());
        HttpClient http = HttpClients.newClient();
        URI url = URI.create(policy.logs().get(0).url().orElseThrow());
        FollowerState start = bootstrap(net, policy, url, http);
        childSizes = new AtomicLongArray(processes);
        for (int i = 0; i < processes; i++) {
            new StateStore(dir.resolve("process" + i), Clock.systemUTC()).save(start);
            children.add(spawn(i, policyFile, net, poll));
        }
        SplittableRandom random = new SplittableRandom();
        for (int i = 0; i < inJvm; i++) {
            NodeFollower f = new NodeFollower(new WitnessedLog(new HttpLogClient(url, http, Duration.ofSeconds(10)), policy,
                    Optional.of(start.checkpoint().raw())), policy.logs().get(0).key().noteVerifier(), net.group().vkey(), Optional.of(start),
                    Optional.of(new StateStore(dir.resolve("node" + i), Clock.systemUTC())),
                    new FollowerSettings(Clock.systemUTC(), 1024, 65_536, persistence));
            int id = i;
            f.addListener((before, after, u) -> {
                Round r = round;
                if (r != null && r.inJvm.test(after)) {
                    r.seen(id);
                }
            });
            f.pollOnce();
            followers.add(f);
        }
        for (NodeFollower f : followers) {
            schedules.add(new PollSchedule(timers, f::pollOnce, poll, 0.2, random.split(), () -> f.alarm().isEmpty()).start());
        }
        awaitChildren(net.log.size());
    }

    /**
     * The verified state every follower starts from, as new nodes start from a verified snapshot
     * (docs/spec/nodes.md, "Bootstrap"): one follower catches up from genesis once.
     */
    private static FollowerState bootstrap(BenchNetwork net, TlogPolicy policy, URI url, HttpClient http) {
        NodeFollower first = new NodeFollower(new WitnessedLog(new HttpLogClient(url, http, Duration.ofSeconds(10)), policy, Optional.empty()),
                policy.logs().get(0).key().noteVerifier(), net.group().vkey(), Optional.empty(), Optional.empty(),
                FollowerSettings.defaults(Clock.systemUTC()));
        first.pollOnce();
        if (first.directory().isEmpty() || first.directory().get().logSize() != net.log.size()) {
            throw new IllegalStateException("the first follower did not catch up: " + first.lastError().orElse("?"));
        }
        return new FollowerState(first.checkpoint().orElseThrow(), first.directory().orElseThrow());
    }

    int size() {
        return followers.size() + children.size();
    }

    private Process spawn(int i, Path policyFile, BenchNetwork net, Duration poll) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FollowerProcess.class.getName(), policyFile.toString(), net.group().vkey().encode(),
                Long.toString(poll.toMillis()), dir.resolve("process" + i).toString()));
        if (Runtime.version().feature() >= 24) {
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("process" + i + ".log").toFile()).start();
        Thread.ofPlatform().daemon().name("bench-child-" + i).start(() -> read(i, p));
        return p;
    }

    private void read(int i, Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(" ");
                long size = Long.parseLong(f[1]);
                childSizes.set(i, size);
                Round r = round;
                if (r != null && size >= r.minSize) {
                    r.seen(followers.size() + i);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone; a round waiting for it times out and says so
        }
    }

    private void awaitChildren(long size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < children.size(); i++) {
            while (childSizes.get(i) < size) {
                if (System.nanoTime() > deadline || !children.get(i).isAlive()) {
                    throw new IllegalStateException("follower process " + i + " did not start; see " + dir.resolve("process" + i + ".log"));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Arms a round before the decision is appended. */
    Round arm(Predicate<RoutingTable> inJvm, long minSize) {
        Round r = new Round(inJvm, minSize, size());
        round = r;
        return r;
    }

    /** Waits until every follower saw the round's change. */
    void await(Round r) throws InterruptedException {
        if (!r.remaining.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException((size() - r.done.size()) + " of " + size() + " followers did not follow within 60 s");
        }
        round = null;
    }

    @Override
    public void close() throws IOException {
        schedules.forEach(PollSchedule::close);
        timers.shutdown();
        try {
            if (!timers.awaitTermination(30, TimeUnit.SECONDS)) {
                timers.shutdownNow();
            }
        } catch (InterruptedException e) {
            timers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        persistence.shutdown();
        try {
            persistence.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killChildren();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // shutting down already
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void killChildren() {
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
