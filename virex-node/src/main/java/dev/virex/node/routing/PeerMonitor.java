package dev.virex.node.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps per-peer reachability as this node sees it (the seed: nodes report unreachable peers):
 * each round connects (TCP) to the service address of the next few peers of the routing table,
 * round robin, and keeps the connection in {@link PeerLinks}. Only peer IDs, states and counts are
 * recorded and reported; nothing about clients.
 */
public final class PeerMonitor {
    private static final Logger log = LoggerFactory.getLogger(PeerMonitor.class);

    public enum State { REACHABLE, UNREACHABLE }

    /** What this node last saw of a peer. */
    public record Reachability(String peer, State state, Instant since, int failures, Optional<Instant> lastReachable) {}

    /** The aggregate a node reports: peers checked, how many reachable, which ones are not. */
    public record Report(long logSize, int peers, int checked, int reachable, List<Reachability> unreachable) {}

    private final String self;
    private final Supplier<RoutingTable> table;
    private final PeerLinks links;
    private final Clock clock;
    private final Duration connectTimeout;
    private final int perRound;
    private final Map<String, Reachability> seen = new ConcurrentHashMap<>();
    private String cursor = "";

    public PeerMonitor(String self, Supplier<RoutingTable> table, PeerLinks links, Clock clock, Duration connectTimeout,
                       int perRound) {
        if (perRound < 1) {
            throw new IllegalArgumentException("check at least one peer per round");
        }
        this.self = self;
        this.table = table;
        this.links = links;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.perRound = perRound;
    }

    /** Checks the next {@code perRound} peers after the last one checked, in node ID order. */
    public synchronized void checkRound() {
        RoutingTable t = table.get();
        List<Peer> order = new ArrayList<>(t.peers().tailMap(cursor + "\0").values());
        order.addAll(t.peers().headMap(cursor + "\0").values());
        int n = 0;
        for (Peer p : order) {
            if (n == perRound) {
                break;
            }
            if (!p.id().equals(self)) {
                check(p);
                cursor = p.id();
                n++;
            }
        }
        RoutingTable latest = table.get();
        seen.keySet().retainAll(latest.peers().keySet());
        links.retainOnly(latest.peers().keySet());
    }

    void check(Peer p) {
        Socket s = new Socket();
        Instant now = clock.instant();
        try {
            s.connect(new InetSocketAddress(p.address().ip(), p.address().port()), (int) connectTimeout.toMillis());
            if (!table.get().contains(p.id())) {
                s.close(); // removed while we connected: no link to it
                return;
            }
            links.put(p.id(), s);
            Reachability before = seen.put(p.id(), new Reachability(p.id(), State.REACHABLE, since(p.id(), State.REACHABLE, now), 0,
                    Optional.of(now)));
            if (before != null && before.state() == State.UNREACHABLE) {
                log.info("peer {} is reachable again after {} failed checks", p.id(), before.failures());
            }
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing was opened
            }
            links.close(p.id());
            Reachability before = seen.get(p.id());
            int failures = before == null || before.state() == State.REACHABLE ? 1 : before.failures() + 1;
            seen.put(p.id(), new Reachability(p.id(), State.UNREACHABLE, since(p.id(), State.UNREACHABLE, now), failures,
                    before == null ? Optional.empty() : before.lastReachable()));
            if (failures == 1) {
                log.info("peer {} is unreachable at {}: {}", p.id(), p.address(), e.toString());
            }
        }
    }

    private Instant since(String peer, State state, Instant now) {
        Reachability r = seen.get(peer);
        return r != null && r.state() == state ? r.since() : now;
    }

    /** A peer left the routing table: forget it and close its link. */
    public void forget(String peer) {
        seen.remove(peer);
        links.close(peer);
    }

    public Optional<Reachability> reachability(String peer) {
        return Optional.ofNullable(seen.get(peer));
    }

    public Map<String, Reachability> snapshot() {
        return new TreeMap<>(seen);
    }

    public Report report() {
        RoutingTable t = table.get();
        List<Reachability> down = snapshot().values().stream().filter(r -> r.state() == State.UNREACHABLE).toList();
        int reachable = (int) seen.values().stream().filter(r -> r.state() == State.REACHABLE).count();
        return new Report(t.logSize(), t.peers().size(), seen.size(), reachable, down);
    }
}
