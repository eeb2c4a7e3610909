package dev.virex.federation.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages this member still has to deliver to other members (forwarded join requests, votes,
 * proposals), retried with exponential backoff until a member accepts them, refuses them for good
 * (a 4xx answer other than 429), or the proposal they concern is closed. Kept in memory: on a
 * restart the member enqueues again what it has to say about the proposals still open.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final int MAX_ITEMS = 100_000;

    private record Item(String member, String kind, byte[] payload, String proposal, int attempts, Instant next) {}

    private final Peers peers;
    private final Clock clock;
    private final Duration firstRetry;
    private final List<Item> items = new ArrayList<>();

    public Outbox(Peers peers, Clock clock, Duration firstRetry) {
        this.peers = peers;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    /** Queues {@code payload} of {@code kind} for every member but this one. */
    public synchronized void toAll(String kind, byte[] payload, String proposal) {
        for (String m : peers.roster().names()) {
            if (!m.equals(peers.self()) && items.size() < MAX_ITEMS) {
                items.add(new Item(m, kind, payload.clone(), proposal, 0, clock.instant()));
            }
        }
    }

    /** Forgets what concerns a closed proposal. */
    public synchronized void drop(String proposal) {
        items.removeIf(i -> i.proposal().equals(proposal));
    }

    /** Delivers every message that is due, in parallel; keeps the failures for later. */
    public void flush() {
        List<Item> due = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (this) {
            items.removeIf(i -> !i.next().isAfter(now) && due.add(i));
        }
        if (due.isEmpty()) {
            return;
        }
        List<Item> retry = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (Item i : due) {
                calls.add(pool.submit(() -> {
                    try {
                        peers.call(i.member(), i.kind(), i.payload());
                    } catch (PeerException e) {
                        if (e.unreachable() || e.status() == 429 || e.status() >= 500) {
                            long factor = 1L << Math.min(i.attempts(), 16);
                            Duration wait = firstRetry.multipliedBy(factor);
                            wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
                            synchronized (retry) {
                                retry.add(new Item(i.member(), i.kind(), i.payload(), i.proposal(), i.attempts() + 1, now.plus(wait)));
                            }
                        } else {
                            log.info("{} refused {} for {}: {}", i.member(), i.kind(), i.proposal(), e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> f : calls) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("delivery task failed: {}", e.toString());
                }
            }
        }
        synchronized (this) {
            items.addAll(retry);
        }
    }
}
