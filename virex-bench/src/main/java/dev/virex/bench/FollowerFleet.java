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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
    private final FollowerProcesses processes;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(THREADS,
            r -> Thread.ofPlatform().daemon().name("bench-follower").unstarted(r));
    /**
     * Where the in-JVM followers write their state: one thread for all of them, as each node writes
     * on a thread of its own, off the path from poll to routing table.
     */
    private final ExecutorService persistence = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("bench-persist").unstarted(r));
    private final Path dir;
    private volatile Round round;

    FollowerFleet(BenchNetwork net, int inJvm, int processCount, Duration poll) throws Exception {
        dir = Files.createTempDirectory("virex-bench-fleet");
        Path policyFile = dir.resolve("policy.txt");
        Files.writeString(policyFile, net.policy());
        TlogPolicy policy = TlogPolicy.parse(net.policy());
        HttpClient http = HttpClients.newClient();
        URI url = URI.create(policy.logs().get(0).url().orElseThrow());
        FollowerState start = bootstrap(net, policy, url, http);
        processes = new FollowerProcesses(processCount, dir, policyFile, net.group().vkey().encode(), poll, start, (i, size) -> {
            Round r = round;
            if (r != null && size >= r.minSize) {
                r.seen(inJvm + i);
            }
        });
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
        processes.awaitSize(net.log.size());
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
        return followers.size() + processes.size();
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
        processes.close();
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
