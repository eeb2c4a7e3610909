package dev.virex.federation.review;

import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.join.JoinFormatException;
import dev.virex.core.join.JoinRequest;
import dev.virex.core.join.JoinStamp;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.federation.MemberContext;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.Outbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes join requests in: from node operators ({@code POST /join}) and forwarded by other members.
 * A request must open (both signatures), name this federation, carry a time within 10 minutes of
 * the member's clock and a valid stamp for the current or previous epoch seed at the join effort,
 * and be neither a replay (same ID, or a nonce seen before, kept across restarts) nor for a node
 * already admitted. The receiving member stores it and forwards it to every member.
 */
public final class JoinIntake {
    private static final Logger log = LoggerFactory.getLogger(JoinIntake.class);
    public static final Duration MAX_SKEW = Duration.ofMinutes(10);
    /** Open join requests beyond which new ones get 429. */
    public static final int MAX_OPEN = 10_000;

    private final MemberContext ctx;
    private final Outbox outbox;
    private final Ballots ballots;

    public JoinIntake(MemberContext ctx, Outbox outbox, Ballots ballots) {
        this.ctx = ctx;
        this.outbox = outbox;
        this.ballots = ballots;
    }

    /** A request from a node operator; answers its ID. */
    public String submit(byte[] note) throws FederationException {
        SignedJoinRequest r = open(note);
        Directory d = ctx.log().directory().orElseThrow(() -> new FederationException(503, "the federation has not started (no genesis in the log)"));
        if (d.epoch().isEmpty()) {
            throw new FederationException(503, "no epoch beacon yet: join stamps cannot be checked");
        }
        List<String> problems = problems(r, d);
        if (!problems.isEmpty()) {
            String code = problems.get(0).substring(0, problems.get(0).indexOf(' '));
            int status = switch (code) {
                case "wrong-federation" -> 400;
                case "already-admitted" -> 409;
                default -> 422; // stale-request, invalid-stamp: the proof of freshness or work fails
            };
            throw new FederationException(status, String.join("; ", problems));
        }
        if (ctx.store().openProposals().size() >= MAX_OPEN) {
            throw new FederationException(429, "too many join requests under review", Optional.of(Duration.ofSeconds(60)));
        }
        String id = r.id().toHex();
        switch (store(r, ctx.self())) {
            case EXISTS -> throw new FederationException(409, "request " + id + " was already submitted; follow it at GET /join/" + id);
            case CONFLICT -> throw new FederationException(409, "replay: the nonce of this request was used by another request");
            default -> { }
        }
        log.info("join request {} for node {} received", id.substring(0, 12), r.request().node().id());
        outbox.toAll("forward", note, id);
        return id;
    }

    /** A request another member forwards: stored, and voted down at once if it fails the checks here. */
    public void forwarded(String from, byte[] note) throws FederationException {
        SignedJoinRequest r = open(note);
        Records.Added a = store(r, from);
        if (a == Records.Added.CONFLICT) {
            throw new FederationException(409, "replay: the nonce of this request was used by another request");
        }
        if (a == Records.Added.NEW) {
            List<String> problems = ctx.log().directory().map(d -> problems(r, d)).orElse(List.of("no-genesis the log has no genesis here"));
            if (!problems.isEmpty()) {
                ballots.cast(r.id().toHex(), false, problems);
            }
        }
    }

    private SignedJoinRequest open(byte[] note) throws FederationException {
        try {
            return SignedJoinRequest.open(note);
        } catch (JoinFormatException e) {
            int status = switch (e.kind()) {
                case MALFORMED -> 400;
                case TOO_LARGE -> 413;
                case BAD_SIGNATURE -> 403;
            };
            throw new FederationException(status, e.getMessage());
        }
    }

    private Records.Added store(SignedJoinRequest r, String origin) {
        Duration expiry = params().joinExpiry();
        Records.Proposal p = new Records.Proposal(r.id().toHex(), ProposalKind.JOIN, r.note(), ctx.now(),
                r.request().time().plus(expiry), origin, false, java.util.OptionalLong.empty(), "");
        return ctx.store().addProposal(p, Optional.of(r.request().nonce().toHex()));
    }

    private NetworkParams params() {
        try {
            return NetworkParams.of(ctx.log().directory().map(d -> d.paramsAt(ctx.now())).orElse(java.util.Map.of()));
        } catch (DecisionFormatException e) {
            throw new IllegalStateException("the directory's parameters are invalid: " + e.getMessage(), e);
        }
    }

    /** The checks that need no review: federation, time, stamp, not admitted. Reason lines. */
    List<String> problems(SignedJoinRequest s, Directory d) {
        JoinRequest r = s.request();
        List<String> out = new ArrayList<>();
        if (!r.federation().equals(ctx.federation())) {
            out.add("wrong-federation the request is for " + r.federation());
        }
        if (r.time().isBefore(ctx.now().minus(MAX_SKEW)) || r.time().isAfter(ctx.now().plus(MAX_SKEW))) {
            out.add("stale-request the request time " + r.time() + " is off by more than 10 minutes");
        }
        List<Bytes> seeds = Stream.concat(d.epoch().stream(), d.previousEpoch().stream()).map(EpochInfo::seed).toList();
        JoinStamp.problem(r, seeds, params().joinEffort()).ifPresent(p -> out.add("invalid-stamp " + p));
        if (d.nodes().containsKey(r.node().id())
                || d.nodes().values().stream().anyMatch(n -> n.info().node().publicKey().equals(r.node().node().publicKey()))) {
            out.add("already-admitted node " + r.node().id() + " is in the directory");
        }
        return out;
    }
}
