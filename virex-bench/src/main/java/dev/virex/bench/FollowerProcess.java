package dev.virex.bench;

import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpClients;
import dev.virex.log.http.HttpLogClient;
import dev.virex.node.follow.FollowerSettings;
import dev.virex.node.follow.FollowerState;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.follow.PollSchedule;
import dev.virex.node.follow.StateStore;
import dev.virex.node.follow.WitnessedLog;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One node's follower in its own JVM, for {@link PropagationBench}: starts from the state in its
 * state directory (as a node does after a bootstrap) and follows the log like a node agent does
 * (witnessed checkpoints, verified batches, the fold, persisted state), prints
 * {@code size N} on stdout after each routing-table swap, and exits when its stdin closes (so it
 * never outlives the benchmark).
 *
 * <p>Arguments: policy file, federation vkey, poll interval in milliseconds, state directory.
 */
public final class FollowerProcess {
    private FollowerProcess() {}

    public static void main(String[] args) throws IOException {
        TlogPolicy policy;
        try {
            policy = TlogPolicy.parse(Files.readAllBytes(Path.of(args[0])));
        } catch (dev.virex.core.policy.PolicyFormatException e) {
            throw new IOException(e);
        }
        VerifierKey federation;
        try {
            federation = VerifierKey.parse(args[1]);
        } catch (dev.virex.core.note.NoteException e) {
            throw new IOException(e);
        }
        Duration poll = Duration.ofMillis(Long.parseLong(args[2]));
        TlogPolicy.Log log = policy.logs().get(0);
        PrintStream out = System.out;
        HttpLogClient client = new HttpLogClient(URI.create(log.url().orElseThrow()), HttpClients.newClient(), Duration.ofSeconds(10));
        StateStore store = new StateStore(Path.of(args[3]), Clock.systemUTC());
        Optional<FollowerState> start = store.load(log.key().noteVerifier());
        NodeFollower f = new NodeFollower(new WitnessedLog(client, policy, start.map(s -> s.checkpoint().raw())), log.key().noteVerifier(),
                federation, start, Optional.of(store),
                new FollowerSettings(Clock.systemUTC(), 1024, 65_536, Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().unstarted(r))));
        f.addListener((before, after, update) -> {
            synchronized (out) {
                out.println("size " + after.logSize());
                out.flush();
            }
        });
        f.pollOnce();
        synchronized (out) {
            out.println("ready " + f.table().logSize());
            out.flush();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        new PollSchedule(timer, f::pollOnce, poll, 0.2, new SplittableRandom(), () -> f.alarm().isEmpty()).start();
        while (System.in.read() >= 0) {
            // run until the benchmark closes our stdin or goes away
        }
        System.exit(0);
    }
}
