package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.HttpClients;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.server.Admission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How fast a decision reaches every node (issue 6): 200 node followers in this JVM (50 in quick runs)
 * plus 20 in their own JVMs (5 in quick runs) follow one log over loopback, polling its checkpoint
 * every {@value #POLL_MS} ms (+-20% jitter) with conditional requests, accepting only checkpoints
 * cosigned by the policy's witness, verifying and folding every entry, persisting their state.
 * {@code removal}: from appending a {@code node-removed} decision (signed by a 3-of-5 FROST group)
 * until the last follower has dropped the node from its routing table; {@code approval}: from
 * appending a {@code join-approved} until the last one has added it. Both include the log's
 * integration and cosigning. The directory holds as many nodes as there are followers. Baseline: one conditional
 * checkpoint poll (a 304 round trip). Secondary figures: requests each follower makes to the log
 * per second while a decision propagates (checkpoint polls and tiles). Goal: under 2 s for both.
 * Anchors: Tor publishes an hourly consensus (a removed relay can linger in clients for about 27 h);
 * Katzenpost uses 20-minute epochs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PropagationBench {
    /** {@code bench/run --quick} runs a smaller fleet (50 + 5) and one warm-up cycle, so that the quick run stays short. */
    static final boolean QUICK = BenchMain.QUICK;
    static final int IN_JVM = QUICK ? 50 : 200;
    static final int PROCESSES = QUICK ? 5 : 20;
    static final int PEERS = IN_JVM + PROCESSES;
    static final int POLL_MS = 500;
    /** Untimed approve-and-remove cycles in the setup, so that the followers' code is compiled (JMH warm-up is short). */
    static final int WARM_CYCLES = QUICK ? 1 : 3;

    /** The log alone, and one client that has fetched its checkpoint once. */
    @State(Scope.Benchmark)
    public static class LogOnly {
        BenchNetwork net;
        HttpLogClient client;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            net = new BenchNetwork();
            client = new HttpLogClient(net.server.baseUri(), HttpClients.newClient(), Duration.ofSeconds(10));
            client.checkpoint();
        }

        @TearDown(Level.Trial)
        public void teardown() throws Exception {
            net.close();
        }
    }

    /** The log with one admitted node per follower and the whole fleet of followers. */
    @State(Scope.Benchmark)
    public static class Fleet {
        BenchNetwork net;
        FollowerFleet fleet;
        final AtomicInteger nodes = new AtomicInteger();

        @Setup(Level.Trial)
        public void setup() throws Exception {
            net = new BenchNetwork();
            List<Admission.Admitted> approvals = new ArrayList<>();
            for (int i = 0; i < PEERS; i++) {
                approvals.add(Admission.Admitted.of(net.approval(net.newNode(name()), nodes.get())));
            }
            net.log.appendAll(approvals);
            net.append(approvals.get(PEERS - 1).entry()); // a duplicate: returns once everything is published
            fleet = new FollowerFleet(net, IN_JVM, PROCESSES, Duration.ofMillis(POLL_MS));
            for (int i = 0; i < WARM_CYCLES; i++) { // compile the whole path before measuring it
                AdmittedNode n = new AdmittedNode();
                n.admit(this);
                propagate(this, n.removal, fleet.arm(t -> !t.contains(n.key.name()), net.log.size() + 1), new Load());
            }
        }

        String name() {
            return "node" + nodes.incrementAndGet() + ".bench.example";
        }

        @TearDown(Level.Trial)
        public void teardown() throws Exception {
            fleet.close();
            net.close();
        }
    }

    /** A signed approval of a node that is not in the directory yet. */
    @State(Scope.Thread)
    public static class NewNode {
        VerifierKey key;
        Bytes approval;

        @Setup(Level.Invocation)
        public void sign(Fleet f) throws Exception {
            key = f.net.newNode(f.name());
            approval = f.net.approval(key, f.nodes.get());
        }
    }

    /** A node every follower already has, and its signed removal. */
    @State(Scope.Thread)
    public static class AdmittedNode {
        VerifierKey key;
        Bytes removal;

        @Setup(Level.Invocation)
        public void admit(Fleet f) throws Exception {
            key = f.net.newNode(f.name());
            Bytes approval = f.net.approval(key, f.nodes.get());
            FollowerFleet.Round r = f.fleet.arm(t -> t.contains(key.name()), f.net.log.size() + 1);
            f.net.append(approval);
            f.fleet.await(r);
            removal = f.net.removal(key);
        }
    }

    /**
     * Requests each follower made to the log while decisions propagated; in this mode JMH prints
     * them as the time between two requests of one follower ({@code checkpointPoll: 0.5 s/op}: a
     * follower asked for the checkpoint every half second).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Load {
        public double checkpointPoll;
        public double tileFetch;

        @Setup(Level.Iteration)
        public void reset() {
            checkpointPoll = 0;
            tileFetch = 0;
        }
    }

    @Benchmark
    public int baselinePoll(LogOnly s) throws Exception {
        return s.client.checkpoint().length();
    }

    @Benchmark
    public void removal(Fleet f, AdmittedNode n, Load load) throws Exception {
        propagate(f, n.removal, f.fleet.arm(t -> !t.contains(n.key.name()), f.net.log.size() + 1), load);
    }

    @Benchmark
    public void approval(Fleet f, NewNode n, Load load) throws Exception {
        propagate(f, n.approval, f.fleet.arm(t -> t.contains(n.key.name()), f.net.log.size() + 1), load);
    }

    private static void propagate(Fleet f, Bytes decision, FollowerFleet.Round round, Load load) throws Exception {
        long cp = f.net.counted.checkpoints.sum();
        long tiles = f.net.counted.tiles.sum();
        f.net.append(decision);
        f.fleet.await(round);
        load.checkpointPoll += (double) (f.net.counted.checkpoints.sum() - cp) / f.fleet.size();
        load.tileFetch += (double) (f.net.counted.tiles.sum() - tiles) / f.fleet.size();
    }
}
