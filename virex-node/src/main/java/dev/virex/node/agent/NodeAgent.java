package dev.virex.node.agent;

import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.http.HttpService;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.follow.PollSchedule;
import dev.virex.node.params.LogParams;
import dev.virex.node.routing.PeerLinks;
import dev.virex.node.routing.PeerMonitor;
import dev.virex.node.routing.RoutingTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node of any role (docs/spec/nodes.md): its identity key, a {@link NodeFollower} of the
 * federation's log with the routing table, the peer monitor, and its service (the control endpoint
 * with probes, health and metrics; for a mixnode also the ingress, with parameters and seeds from
 * the log). Peers leaving the directory are dropped and their connections closed in the same
 * step as the table swap; when the node learns that it was removed itself, it stops serving.
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeAgent.class);

    private final NodeConfig config;
    private final SignerKey key;
    private final NodeFollower follower;
    private final PeerLinks links;
    private final PeerMonitor monitor;
    private final AgentOptions options;
    private final AtomicReference<String> removed = new AtomicReference<>();
    private final NodeMetrics metrics;
    private volatile NodeService service;
    private final ExecutorService persistence;
    private ScheduledExecutorService timers;
    private PollSchedule polls;

    NodeAgent(NodeConfig config, SignerKey key, NodeFollower follower, AgentOptions options, ExecutorService persistence) {
        this.config = config;
        this.persistence = persistence;
        this.key = key;
        this.follower = follower;
        this.options = options;
        this.links = new PeerLinks();
        this.monitor = new PeerMonitor(key.name(), follower::table, links, options.clock(), options.connectTimeout(),
                config.monitorPeers());
        this.metrics = new NodeMetrics(follower, monitor, links, () -> removed.get() != null);
        follower.addListener(new TableWatch(key.verifierKey(), monitor, this::removedNow, () -> {
            NodeService s = service;
            if (s != null) {
                s.refresh();
            }
        }));
    }

    /** Loads the key, policy and state, bootstraps if needed, catches up with the log once, then serves. */
    public static NodeAgent start(NodeConfig config, AgentOptions options) throws IOException {
        NodeAgent agent = AgentSetup.create(config, options);
        try {
            agent.startup();
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    private void startup() {
        follower.directory().flatMap(d -> TableWatch.removedIn(d, key.name())).ifPresent(this::removedNow);
        follower.pollOnce();
        NodeService s = startService();
        service = s;
        if (removed.get() != null) {
            s.stopServing(removed.get());
        }
        if (options.schedule()) {
            timers = Executors.newScheduledThreadPool(2, r -> Thread.ofPlatform().daemon().name("virex-node-timer").unstarted(r));
            polls = new PollSchedule(timers, follower::pollOnce, config.pollInterval(), 0.2, options.random(),
                    () -> follower.alarm().isEmpty()).start();
            long m = config.monitorInterval().toMillis();
            timers.scheduleWithFixedDelay(this::checkPeersNow, m, m, TimeUnit.MILLISECONDS);
        }
        log.info("node {} ({}) started: control {}, log size {}, {} peers", key.name(), config.role().wire(), s.controlUri(),
                follower.table().logSize(), follower.table().peers().size());
    }

    private NodeService startService() {
        HttpService.Options http = config.tls().serve(new HttpService.Options("node", config.control().host(), config.control().port(),
                1 << 16, config.allowPlainHttp()));
        ControlRoutes routes = new ControlRoutes(this::health, follower::table, monitor, metrics::scrape);
        if (config.role() != NodeRole.MIXNODE) {
            return NodeService.control(key, options.clock(), http, routes);
        }
        LogParams params = new LogParams(follower::directory, AbuseParams.defaults(),
                new LocalEpochBeacon(Instant.EPOCH, Duration.ofMinutes(10), key.noteSigner()));
        Endpoint listen = config.listen().orElseThrow();
        return NodeService.mixnode(key, params.params(), params.seeds(), options.clock(), options.random(),
                options.mixnode().withNetwork(new InetSocketAddress(listen.host(), listen.port()), http, "",
                        options.mixnode().ioThreads()).withControl(routes));
    }

    private void removedNow(String reason) {
        if (removed.compareAndSet(null, reason)) {
            log.error("this node ({}) was {}; it stops serving", key.name(), reason);
            NodeService s = service;
            if (s != null) {
                s.stopServing(reason);
            }
        }
    }

    /** One follower round now (tests, and the timer). */
    public void pollNow() {
        follower.pollOnce();
    }

    /** One round of peer reachability checks now. */
    public void checkPeersNow() {
        try {
            monitor.checkRound();
        } catch (RuntimeException e) {
            log.error("peer reachability round failed", e);
        }
    }

    public NodeHealth health() {
        return NodeHealth.of(key.verifierKey(), config.role(), follower, removed.get());
    }

    public String id() {
        return key.name();
    }

    public NodeFollower follower() {
        return follower;
    }

    public RoutingTable table() {
        return follower.table();
    }

    public PeerMonitor monitor() {
        return monitor;
    }

    public PeerLinks links() {
        return links;
    }

    public Optional<String> removed() {
        return Optional.ofNullable(removed.get());
    }

    public URI controlUri() {
        return service.controlUri();
    }

    public Optional<InetSocketAddress> packetAddress() {
        return service.packetAddress();
    }

    @Override
    public void close() {
        if (polls != null) {
            polls.close();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        links.close();
        NodeService s = service;
        if (s != null) {
            s.close();
        }
        persistence.shutdown();
        follower.flush();
        log.info("node {} stopped at log size {}", key.name(), follower.table().logSize());
    }
}
