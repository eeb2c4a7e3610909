package dev.virex.node;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.Ingress;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MixnodeApi;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import dev.virex.http.HttpService;
import dev.virex.node.gate.ClientKeys;
import dev.virex.node.gate.EffortController;
import dev.virex.node.gate.EffortQueue;
import dev.virex.node.gate.IngressGate;
import dev.virex.node.gate.IngressStats;
import dev.virex.node.gate.RateLimiter;
import dev.virex.node.gate.ReplayCache;
import dev.virex.node.agent.NodeSoftware;
import dev.virex.node.http.MixnodeHttp;
import dev.virex.node.http.ProbeResponder;
import dev.virex.node.ingress.IngressServer;
import dev.virex.node.ingress.MixnodeIngress;
import dev.virex.node.metrics.Binning;
import dev.virex.node.metrics.IntervalPublisher;
import dev.virex.node.metrics.MixnodeMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running mixnode ingress: the packet port (Netty) in front of the gate, queue and workers, and
 * the HTTP service with PoW info, signed enforcement reports and Prometheus metrics. Parameters and
 * seeds come from the given sources (the log fold later, a file and a local beacon for now).
 */
public final class Mixnode implements MixnodeApi, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mixnode.class);
    static final byte[] KEM_DOMAIN = "virex/ingress-kem/v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SignerKey key;
    private final Bytes id;
    private final IngressSeal.OpeningKey opening;
    private final ParamsSource params;
    private final EpochSeedSource seeds;
    private final Clock clock;
    private final MixnodeIngress ingress;
    private final IntervalPublisher publisher;
    private final MixnodeMetrics metrics;
    private final IngressServer server;
    private final HttpService http;
    private final ScheduledExecutorService timer;
    private final String advertised;
    private final IngressGate gate;
    private final ProbeResponder probe;
    private final java.util.concurrent.atomic.AtomicBoolean serving = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Mixnode(SignerKey key, ParamsSource params, EpochSeedSource seeds, Clock clock, SecureRandom random, MixnodeOptions o) {
        this.key = key;
        this.id = key.verifierKey().publicKey();
        this.opening = IngressSeal.OpeningKey.derive(kemSeed(key), id);
        this.params = params;
        this.seeds = seeds;
        this.clock = clock;
        Instant now = clock.instant();
        ParamsView view = params.at(now);
        if (view.inForce().activation().isAfter(now)) {
            throw new IllegalStateException("no abuse parameters in force at " + now + "; the first activates at "
                    + view.inForce().activation());
        }
        RateLimiter limiter = new RateLimiter(o.limiterSlots(), random, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        this.gate = new IngressGate(id, params, seeds, clock, limiter, new ReplayCache(o.replaySlots(), random),
                new ClientKeys(random));
        EffortQueue<?> queue = new EffortQueue<>(o.queueCapacity());
        EffortController controller = new EffortController(o.effortPeriod(), Math.max(1, o.queueCapacity() / 8),
                view.params().effortFloor(), now);
        this.ingress = new MixnodeIngress(gate, queue, controller, new IngressStats(), opening, o.sink(), o.workers());
        this.metrics = new MixnodeMetrics();
        this.publisher = new IntervalPublisher(ingress.stats(), new Binning(random), metrics, key.noteSigner(), id, params,
                ingress::suggestedEffort, o.reportInterval(), now);
        this.probe = new ProbeResponder(key, NodeSoftware.VERSION, clock);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            this.server = IngressServer.start(o.packetBind(), ingress, o.ioThreads());
            started.add(server);
            this.http = MixnodeHttp.start(o.http(), this, metrics::scrape, probe, o.control());
        } catch (RuntimeException e) {
            started.forEach(Mixnode::closeQuietly);
            ingress.close();
            throw e;
        }
        InetSocketAddress a = server.address();
        this.advertised = o.advertisedIngress().isEmpty() ? a.getAddress().getHostAddress() + ":" + a.getPort() : o.advertisedIngress();
        this.timer = o.scheduleReports() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "virex-mixnode-reports");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
        log.info("mixnode {} ready: packets on {}, HTTP on {}", key.verifierKey().encode(), advertised, http.baseUri());
    }

    public static Mixnode start(SignerKey key, ParamsSource params, EpochSeedSource seeds, Clock clock, SecureRandom random,
                                MixnodeOptions options) {
        return new Mixnode(key, params, seeds, clock, random, options);
    }

    /** The X25519 key material of the ingress seal, derived from the node key's seed. */
    static byte[] kemSeed(SignerKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KEM_DOMAIN);
            sha.update(key.seed(SecretAccess.grant()).toArray());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes due reports; the timer calls it every second, tests call it after moving the clock. */
    public void tick() {
        try {
            publisher.publishDue(clock.instant());
        } catch (RuntimeException e) {
            log.error("mixnode: publishing the enforcement report failed", e);
        }
    }

    @Override
    public PowInfo powInfo() {
        Instant now = clock.instant();
        ParamsView view = params.at(now);
        EpochSeeds s = seeds.at(now);
        List<PowInfo.Seed> list = new ArrayList<>();
        list.add(PowInfo.Seed.of(s.current()));
        s.previous().ifPresent(p -> list.add(PowInfo.Seed.of(p)));
        return new PowInfo(key.verifierKey().encode(), id.toHex(), opening.publicKey().toHex(), advertised,
                view.params().powAlgorithm(), view.params().effortFloor(), ingress.suggestedEffort(), list,
                view.params().encode(), view.next().map(c -> c.encode()).orElse(""));
    }

    @Override
    public byte[] report(long interval) {
        var r = interval < 0 ? publisher.latest() : publisher.report(interval);
        return r.orElseThrow(() -> new NoSuchElementException(interval < 0 ? "no enforcement report published yet"
                : "no enforcement report for interval " + interval)).signedNote().toArray();
    }

    /** An in-memory {@link Ingress} for a client of the given identity (tests, benchmarks). */
    public Ingress inMemory(byte[] clientIdentity) {
        return frame -> {
            try {
                return ingress.submit(frame, clientIdentity).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("in-memory submit failed: " + e, e);
            }
        };
    }

    /** Makes the gate read parameters and seeds again (a new decision arrived from the log). */
    public void refreshParams() {
        gate.refresh();
    }

    /** The responder of {@code POST /probe} on this mixnode's HTTP service. */
    public ProbeResponder probeResponder() {
        return probe;
    }

    /**
     * Stops serving clients: closes the packet port (and every client connection) and refuses
     * probes; the HTTP service stays up so that health and metrics still say why.
     */
    public void stopServing(String reason) {
        probe.stop(reason);
        if (serving.compareAndSet(true, false)) {
            closeQuietly(server);
            ingress.close();
            log.warn("mixnode {} stopped serving: {}", key.name(), reason);
        }
    }

    public boolean serving() {
        return serving.get();
    }

    public Bytes identity() {
        return id;
    }

    public InetSocketAddress packetAddress() {
        return server.address();
    }

    public URI httpUri() {
        return http.baseUri();
    }

    public MixnodeIngress ingress() {
        return ingress;
    }

    public IntervalPublisher publisher() {
        return publisher;
    }

    public String metricsText() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        closeQuietly(http);
        if (serving.compareAndSet(true, false)) {
            closeQuietly(server);
            ingress.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("mixnode: error while closing: {}", e.toString());
        }
    }
}
