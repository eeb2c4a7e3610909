package dev.virex.federation.decide;

import dev.virex.federation.MemberContext;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.Outbox;
import dev.virex.http.Json;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Votes: this member's own, stored and broadcast to every member in {@code vote} envelopes, and
 * the other members', stored from theirs. A member votes once per proposal; a different second
 * vote from the same member is refused.
 */
public final class Ballots {
    private static final Logger log = LoggerFactory.getLogger(Ballots.class);

    /** The payload of a {@code vote} envelope. */
    public record VotePayload(String proposal, boolean yes, List<String> reasons) {
        public VotePayload {
            if (proposal == null || !proposal.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("proposal must be 64 lowercase hex digits");
            }
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            if (reasons.size() > 16 || (!yes && reasons.isEmpty())) {
                throw new IllegalArgumentException("a no-vote gives 1 to 16 reasons");
            }
            DecisionRequest.parsedReasons(reasons);
        }
    }

    private final MemberContext ctx;
    private final Outbox outbox;

    public Ballots(MemberContext ctx, Outbox outbox) {
        this.ctx = ctx;
        this.outbox = outbox;
    }

    /** Records and broadcasts this member's vote; false if it had voted already. */
    public boolean cast(String proposal, boolean yes, List<String> reasons) {
        VotePayload v = new VotePayload(proposal, yes, reasons.stream().map(DecisionRequest::normalize).toList());
        Records.Added a = ctx.store().addVote(new Records.Vote(proposal, ctx.self(), yes, v.reasons(), ctx.now()));
        if (a != Records.Added.NEW) {
            return false;
        }
        log.info("{} votes {} on {}{}", ctx.self(), yes ? "yes" : "no", proposal.substring(0, 12), yes ? "" : " " + reasons);
        outbox.toAll("vote", Json.write(v), proposal);
        return true;
    }

    /** Broadcasts this member's vote again (after a restart). */
    public void resend(String proposal) {
        ctx.store().votes(proposal).stream().filter(v -> v.member().equals(ctx.self())).findFirst()
                .ifPresent(v -> outbox.toAll("vote", Json.write(new VotePayload(proposal, v.yes(), v.reasons())), proposal));
    }

    /** A vote from another member's signed envelope. */
    public void receive(String from, VotePayload v) throws Refusal {
        Records.Added a = ctx.store().addVote(new Records.Vote(v.proposal(), from, v.yes(), v.reasons(), ctx.now()));
        if (a == Records.Added.CONFLICT) {
            throw Refusal.conflict(from + " already voted differently on " + v.proposal());
        }
    }

    public List<Records.Vote> votes(String proposal) {
        return ctx.store().votes(proposal);
    }

    public boolean hasVoted(String proposal) {
        return ctx.store().votes(proposal).stream().anyMatch(v -> v.member().equals(ctx.self()));
    }
}
