package dev.virex.federation;

import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.decide.DecisionCoordinator;
import dev.virex.federation.decide.ProposalDesk;
import dev.virex.federation.decide.Refusal;
import dev.virex.federation.decide.SignerService;
import dev.virex.federation.ledger.LogViewException;
import dev.virex.federation.monitor.Monitor;
import dev.virex.federation.review.JoinIntake;
import dev.virex.federation.review.JoinReview;
import dev.virex.federation.review.Prober;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.Envelope;
import dev.virex.federation.wire.EnvelopeException;
import dev.virex.federation.wire.EnvelopeGate;
import dev.virex.federation.wire.Outbox;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpProblem;
import dev.virex.http.Json;
import java.time.Duration;
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
    private final SignerService signer;
    private final Monitor monitor;
    private final PublicService publicService;
    private final AdminService admin;
    private final EnvelopeGate gate;
    private final ReentrantLock ticking = new ReentrantLock();
    private volatile ScheduledExecutorService ticker;

    public Member(MemberContext ctx) {
        this.ctx = ctx;
        this.outbox = new Outbox(ctx.peers(), ctx.clock(), ctx.timing().tick());
        this.ballots = new Ballots(ctx, outbox);
        this.intake = new JoinIntake(ctx, outbox, ballots);
        Prober prober = new Prober(ctx.self(), HttpClients.newClient(), ctx.clock(), ctx.random());
        this.review = new JoinReview(ctx, ballots, prober);
        this.desk = new ProposalDesk(ctx, ballots, outbox);
        this.coordinator = new DecisionCoordinator(ctx, outbox);
        this.signer = new SignerService(ctx);
        this.monitor = new Monitor(ctx, prober, desk);
        this.publicService = new PublicService(ctx, intake, coordinator, this::nudge);
        this.admin = new AdminService(ctx, ballots, review, desk, monitor);
        this.gate = new EnvelopeGate(ctx.roster(), ctx.self(), ctx.clock(), ctx.timing().envelopeWindow());
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
        Envelope e = admit(body, kind, false);
        byte[] payload = e.payload().toArray();
        try {
            return switch (kind) {
                case "forward" -> {
                    intake.forwarded(e.from(), payload);
                    nudge();
                    yield Json.write(new AdminMessages.Empty());
                }
                case "vote" -> {
                    ballots.receive(e.from(), Json.read(payload, Ballots.VotePayload.class));
                    nudge();
                    yield Json.write(new AdminMessages.Empty());
                }
                case "propose" -> {
                    desk.received(e.from(), payload);
                    nudge();
                    yield Json.write(new AdminMessages.Empty());
                }
                case "commit" -> signer.commit(Json.read(payload, SignerService.CommitRequest.class));
                case "sign" -> signer.sign(payload);
                default -> throw HttpProblem.notFound("no member endpoint " + kind);
            };
        } catch (Refusal r) {
            throw HttpProblem.of(r.status(), "Refused", r.getMessage());
        } catch (FederationException f) {
            throw problem(f);
        } catch (IllegalArgumentException i) {
            throw HttpProblem.badRequest(i.getMessage());
        }
    }

    /** Handles a {@code POST /admin/<kind>} envelope signed by this member's own key. */
    @Override
    public byte[] adminCall(String kind, byte[] body) {
        Envelope e = admit(body, kind, true);
        byte[] payload = e.payload().toArray();
        try {
            return switch (kind) {
                case "review-list" -> Json.write(admin.list());
                case "review-vote" -> {
                    admin.vote(Json.read(payload, AdminMessages.ReviewVote.class));
                    yield Json.write(new AdminMessages.Empty());
                }
                case "propose" -> Json.write(new AdminMessages.Proposed(admin.propose(Json.read(payload, AdminMessages.Propose.class))));
                case "status" -> Json.write(admin.status());
                default -> throw HttpProblem.notFound("no admin endpoint " + kind);
            };
        } catch (Refusal r) {
            throw HttpProblem.of(r.status(), "Refused", r.getMessage());
        } catch (IllegalArgumentException i) {
            throw HttpProblem.badRequest(i.getMessage());
        }
    }

    private Envelope admit(byte[] body, String kind, boolean fromSelf) {
        try {
            return gate.admit(body, kind, fromSelf);
        } catch (EnvelopeException ex) {
            throw HttpProblem.of(ex.kind().status(), ex.kind().name(), ex.getMessage());
        }
    }

    static HttpProblem problem(FederationException f) {
        HttpProblem p = f.status() == 429
                ? HttpProblem.tooManyRequests(f.getMessage(), f.retryAfter().orElse(Duration.ofSeconds(1)))
                : HttpProblem.of(f.status() == 0 ? 502 : f.status(), "Refused", f.getMessage());
        return p;
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
