package dev.virex.cli.demo;

import dev.virex.client.HttpMixnodeApi;
import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.client.Sleeper;
import dev.virex.client.TcpIngress;
import dev.virex.core.Bytes;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.ingress.MessagePayload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Honest clients sending real messages with PoW (the Abuse Prevention Flow): each has its own
 * loopback address (127.0.1.i, so that mixnodes rate-limit each separately), picks a mixnode of
 * the verified directory for every message, seals it, solves the PoW at the mixnode's suggested
 * effort and obeys every refusal ({@link MixnodeClient}). About one message a second each, or,
 * while {@link #focus focused}, to one mixnode at a fixed interval.
 */
final class Clients implements AutoCloseable {
    static final Duration MEAN_GAP = Duration.ofSeconds(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Clients.class);

    /** Where to send while focused, how often, and the count of that window. */
    record Focus(AdmittedNode mixnode, Duration interval, Tally tally) {}

    private final Supplier<List<AdmittedNode>> mixnodes;
    private final Tally total = new Tally();
    private final List<Thread> threads = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile Focus focus;
    private volatile boolean stopping;

    private Clients(Supplier<List<AdmittedNode>> mixnodes) {
        this.mixnodes = mixnodes;
    }

    static Clients start(int count, Supplier<List<AdmittedNode>> mixnodes) {
        Clients c = new Clients(mixnodes);
        for (int i = 1; i <= count; i++) {
            int n = i;
            c.threads.add(Thread.ofPlatform().daemon().name("virex-demo-client-" + n).start(() -> c.loop(n)));
        }
        return c;
    }

    private void loop(int n) {
        SecureRandom random = new SecureRandom();
        Map<String, MixnodeClient> links = new HashMap<>();
        try (PowSolver solver = new PowSolver(1)) {
            for (long seq = 1; !stopping; seq++) {
                Focus f = focus;
                List<AdmittedNode> all = mixnodes.get();
                if (all.isEmpty()) {
                    Thread.sleep(MEAN_GAP.toMillis());
                    continue;
                }
                AdmittedNode target = f != null ? f.mixnode() : all.get(random.nextInt(all.size()));
                send(n, seq, target, links, solver, random, f);
                long gap = f != null ? f.interval().toMillis() : (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP.toMillis());
                Thread.sleep(Math.min(gap, 10_000));
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private void send(int n, long seq, AdmittedNode target, Map<String, MixnodeClient> links, PowSolver solver, SecureRandom random,
                      Focus f) throws InterruptedException {
        try {
            MixnodeClient client = links.get(target.id());
            if (client == null) {
                client = connect(n, target, solver, random);
                links.put(target.id(), client);
            }
            byte[] body = ("message " + seq + " from client " + n).getBytes(StandardCharsets.UTF_8);
            MixnodeClient.Result r = client.send(MessagePayload.real(Bytes.wrap(body)));
            record(r, total);
            if (f != null && f.mixnode().id().equals(target.id())) {
                record(r, f.tally());
            }
        } catch (IOException | RuntimeException e) {
            links.remove(target.id());
            total.recordFailed();
            if (e instanceof RuntimeException && !stopping) {
                LOG.warn("client {}: sending to {} failed: {}", n, target.id(), e.toString());
            }
        }
    }

    private static void record(MixnodeClient.Result r, Tally t) {
        if (r.accepted()) {
            t.recordAccepted();
        } else {
            t.recordRefused(r.lastReason().orElseThrow());
        }
    }

    private MixnodeClient connect(int n, AdmittedNode target, PowSolver solver, SecureRandom random) throws IOException {
        var a = target.info().address();
        TcpIngress tcp = TcpIngress.connect(new InetSocketAddress(a.ip(), a.port()), InetAddress.getByName("127.0.1." + n),
                Duration.ofSeconds(10));
        synchronized (resources) {
            resources.add(tcp);
        }
        var c = target.info().control();
        return new MixnodeClient(new HttpMixnodeApi(URI.create("http://" + c)), tcp, solver, random, Sleeper.REAL, Clock.systemUTC(),
                MixnodeClient.Options.defaults(), MixnodeClient.Listener.NONE);
    }

    /** Sends every client's messages to {@code mixnode} every {@code interval}, counted apart, until {@link #unfocus}. */
    Tally focus(AdmittedNode mixnode, Duration interval) {
        Focus f = new Focus(mixnode, interval, new Tally());
        focus = f;
        return f.tally();
    }

    void unfocus() {
        focus = null;
    }

    Tally total() {
        return total;
    }

    static List<AdmittedNode> mixnodesOf(LogWatch watch) {
        return watch.size() == 0 ? List.of() : watch.directory().nodesWithRole(NodeRole.MIXNODE);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        threads.forEach(Thread::interrupt);
        synchronized (resources) {
            for (AutoCloseable r : resources) {
                try {
                    r.close(); // unblocks a client waiting for a reply
                } catch (Exception e) {
                    // closing sockets on the way out
                }
            }
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(5));
        }
    }
}
