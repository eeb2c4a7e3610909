package dev.virex.federation;

import dev.virex.federation.api.FederationApi;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.decide.DecisionCoordinator;
import dev.virex.federation.decide.ProposalDesk;
import dev.virex.federation.decide.SignerService;
import dev.virex.federation.ledger.LogViewException;
import dev.virex.federation.monitor.Monitor;
import dev.virex.federation.review.JoinIntake;
import dev.virex.federation.review.JoinReview;
import dev.virex.federation.review.Prober;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.EnvelopeGate;
import dev.virex.federation.wire.Outbox;
import dev.virex.http.HttpClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One federation member (the seed's "Federation Members"): it takes join requests in, reviews
 * them with its own policy, votes, coordinates and signs M-of-N decisions, monitors admitted
 * nodes, and follows the log. Its background work runs in {@link #tick()}, every
 * {@code timing.tick} once {@link #start()}ed, or driven by hand in tests. The HTTP side is
 * {@code MemberServer}.
 */
public final class Member implements MemberEndpoints, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Member.class);

    private final MemberContext ctx;
    private final Outbox outbox;
    private final Ballots ballots;
    private final JoinIntake intake;
    private final JoinReview review;
    private final ProposalDesk desk;
    private final DecisionCoordinator coordinator;
    private final Monitor monitor;
    private final PublicService publicService;
    private final EnvelopeDispatch dispatch;
    private final ReentrantLock ticking = new ReentrantLock();
    private volatile ScheduledExecutorService ticker;

    public Member(MemberContext ctx) {
        this(ctx, new Prober(ctx.self(), HttpClients.newClient(), ctx.clock(), ctx.random()));
    }

    /** A member probing nodes with {@code prober} (its HTTP client and the nodes' control scheme). */
    public Member(MemberContext ctx, Prober prober) {
        this.ctx = ctx;
        this.outbox = new Outbox(ctx.peers(), ctx.clock(), ctx.timing().tick());
        this.ballots = new Ballots(ctx, outbox);
        this.intake = new JoinIntake(ctx, outbox, ballots);
        this.review = new JoinReview(ctx, ballots, prober);
        this.desk = new ProposalDesk(ctx, ballots, outbox);
        this.coordinator = new DecisionCoordinator(ctx, outbox);
        this.monitor = new Monitor(ctx, prober, desk);
        this.publicService = new PublicService(ctx, intake, coordinator, this::nudge);
        this.dispatch = new EnvelopeDispatch(new EnvelopeGate(ctx.roster(), ctx.self(), ctx.clock(), ctx.timing().envelopeWindow()),
                intake, ballots, desk, new SignerService(ctx), new AdminService(ctx, ballots, review, desk, monitor), this::nudge);
        for (Records.Proposal p : ctx.store().openProposals()) {
            if (p.kind() == ProposalKind.JOIN && p.origin().equals(ctx.self())) {
                outbox.toAll("forward", p.body().toArray(), p.id());
            } else if (p.kind() != ProposalKind.JOIN && p.origin().equals(ctx.self())) {
                outbox.toAll("propose", p.body().toArray(), p.id());
            }
            ballots.resend(p.id());
        }
    }

    public MemberContext context() {
        return ctx;
    }

    public String name() {
        return ctx.self();
    }

    /** One round of background work: follow the log, deliver, review, vote, coordinate, monitor. */
    public void tick() {
        if (!ticking.tryLock()) {
            return;
        }
        try {
            try {
                ctx.log().sync();
            } catch (LogViewException e) {
                log.warn("{}: {}", ctx.self(), e.getMessage());
                return;
            }
            outbox.flush();
            review.tick();
            desk.tick();
            coordinator.tick();
            monitor.tick();
            outbox.flush();
        } catch (RuntimeException e) {
            log.error("{}: background work failed", ctx.self(), e);
        } finally {
            ticking.unlock();
        }
    }

    /**
     * Runs a tick soon, outside the schedule, when something arrived that moves a decision on (a
     * join request, a forward, a vote, a proposal), so that a decision waits for work, not for
     * the clock. Nudges while a tick runs are absorbed by it or by the next scheduled one.
     */
    void nudge() {
        ScheduledExecutorService t = ticker;
        if (t != null && !ticking.isLocked()) {
            try {
                t.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** Runs {@link #tick()} every {@code timing.tick}. */
    public synchronized void start() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("virex-member-" + ctx.self()).daemon().unstarted(r));
            long ms = ctx.timing().tickMillis();
            ticker.scheduleWithFixedDelay(this::tick, 0, ms, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public FederationApi api() {
        return publicService;
    }

    /** Handles a {@code POST /member/<kind>} envelope from another member. */
    @Override
    public byte[] memberCall(String kind, byte[] body) {
        return dispatch.member(kind, body);
    }

    /** Handles a {@code POST /admin/<kind>} envelope signed by this member's own key. */
    @Override
    public byte[] adminCall(String kind, byte[] body) {
        return dispatch.admin(kind, body);
    }

    public Monitor monitor() {
        return monitor;
    }

    @Override
    public Map<String, Object> health() {
        String problem = ctx.log().problem();
        return Map.of("member", ctx.self(), "federation", ctx.federation(), "logSize", ctx.log().size(),
                "status", problem.isEmpty() ? "ok" : "degraded", "problem", problem);
    }

    @Override
    public List<MemberServer.NodeView> nodes() {
        return ctx.log().directory().map(d -> d.nodes().values().stream().map(a -> {
            var n = a.info();
            return new MemberServer.NodeView(n.id(), n.role().wire(), n.address().toString(), n.control().toString(), n.region(),
                    n.bandwidthMbps(), n.operator().encode(), n.software(), a.admittedIndex(), monitor.health(n.id()));
        }).toList()).orElse(List.of());
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
        ticking.lock();
        try {
            ctx.store().close();
        } finally {
            ticking.unlock();
        }
    }
}
