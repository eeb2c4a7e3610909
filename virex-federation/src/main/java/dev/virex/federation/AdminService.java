package dev.virex.federation;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.join.JoinFormatException;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.decide.ProposalBody;
import dev.virex.federation.decide.ProposalDesk;
import dev.virex.federation.decide.Refusal;
import dev.virex.federation.decide.Tally;
import dev.virex.federation.monitor.Monitor;
import dev.virex.federation.review.JoinReview;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A member's admin operations: manual review, proposals, status (from its own operator, via signed envelopes). */
final class AdminService {
    private final MemberContext ctx;
    private final Ballots ballots;
    private final JoinReview review;
    private final ProposalDesk desk;
    private final Monitor monitor;

    AdminService(MemberContext ctx, Ballots ballots, JoinReview review, ProposalDesk desk, Monitor monitor) {
        this.ctx = ctx;
        this.ballots = ballots;
        this.review = review;
        this.desk = desk;
        this.monitor = monitor;
    }

    List<AdminMessages.ReviewItem> list() {
        List<AdminMessages.ReviewItem> out = new ArrayList<>();
        for (Records.Proposal p : ctx.store().openProposals()) {
            Tally t = Tally.of(ctx.store().votes(p.id()));
            String state = ballots.hasVoted(p.id()) ? JoinReview.VOTED
                    : ctx.store().review(p.id()).map(Records.Review::state).orElse(p.kind() == ProposalKind.JOIN ? "new" : JoinReview.MANUAL);
            String note = ctx.store().review(p.id()).map(Records.Review::note).orElse("");
            out.add(new AdminMessages.ReviewItem(p.id(), p.kind().wire(), state, summary(p), t.yes(), t.no(), note));
        }
        return out;
    }

    private static String summary(Records.Proposal p) {
        try {
            if (p.kind() == ProposalKind.JOIN) {
                var n = SignedJoinRequest.open(p.body().toArray()).request().node();
                return n.role().wire() + " " + n.id() + " at " + n.address() + ", " + n.region() + ", " + n.bandwidthMbps() + " Mbit/s, software "
                        + n.software() + ", operator " + n.operator().name();
            }
            ProposalBody b = Json.MAPPER.readValue(p.body().toArray(), ProposalBody.class);
            return ProposalBody.REMOVE.equals(b.kind()) ? "remove " + b.nodeKey().name() + ": " + String.join("; ", b.reasons())
                    : "set " + b.params() + " from " + b.activation();
        } catch (JoinFormatException | java.io.IOException | IllegalArgumentException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    void vote(AdminMessages.ReviewVote v) throws Refusal {
        Records.Proposal p = ctx.store().proposal(v.id()).filter(x -> !x.closed())
                .orElseThrow(() -> new Refusal(404, "no open request or proposal " + v.id()));
        if (ballots.hasVoted(p.id())) {
            throw new Refusal(409, ctx.self() + " already voted on " + p.id());
        }
        if (!v.yes() && (v.reasons() == null || v.reasons().isEmpty())) {
            throw new Refusal(400, "a rejection needs a reason");
        }
        if (p.kind() == ProposalKind.JOIN) {
            review.vote(p.id(), v.yes(), v.yes() ? List.of() : v.reasons());
        } else {
            ballots.cast(p.id(), v.yes(), v.yes() ? List.of() : v.reasons());
        }
    }

    String propose(AdminMessages.Propose r) throws Refusal {
        ctx.log().refresh(); // judge the proposal against the log as it is now
        try {
            Instant now = ctx.second();
            ProposalBody body = switch (r.kind() == null ? "" : r.kind()) {
                case ProposalBody.REMOVE -> ProposalBody.remove(ctx.self(), now, node(r.node()), r.reasons(), r.evidence());
                case ProposalBody.PARAMS -> ProposalBody.params(ctx.self(), now,
                        r.activation() == null ? now : Instant.parse(r.activation()), r.params());
                default -> throw new Refusal(400, "propose 'remove' or 'params'");
            };
            return desk.propose(body);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    private VerifierKey node(String node) throws Refusal {
        if (node == null) {
            throw new Refusal(400, "name the node to remove");
        }
        if (node.contains("+")) {
            try {
                return VerifierKey.parse(node);
            } catch (NoteException e) {
                throw new Refusal(400, "node: " + e.getMessage());
            }
        }
        AdmittedNode n = ctx.log().directory().map(d -> d.nodes().get(node)).orElse(null);
        if (n == null) {
            throw new Refusal(404, "no admitted node " + node);
        }
        return n.info().node();
    }

    AdminMessages.Status status() {
        ctx.log().refresh();
        Directory d = ctx.log().directory().orElse(null);
        return new AdminMessages.Status(ctx.self(), ctx.federation(), ctx.log().size(), ctx.log().problem(),
                d == null ? 0 : d.nodes().size(), d == null ? -1 : d.epoch().map(EpochInfo::epoch).orElse(-1L),
                d == null ? java.util.Map.of() : d.paramsAt(ctx.now()), list(), ctx.peers().unreachable(),
                d == null ? List.of() : d.nodes().keySet().stream().map(monitor::health).toList());
    }
}
