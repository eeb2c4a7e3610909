package dev.virex.federation.decide;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.federation.MemberContext;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.Outbox;
import dev.virex.http.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removal and parameter proposals: made by this member (from {@code virex federation propose},
 * voted yes by the proposer, broadcast in {@code propose} envelopes) or received from another.
 * On a received proposal this member votes by its policy: no on an invalid change or on removing
 * a node that is not admitted; yes on a removal its own monitoring supports (its latest probe of
 * the node failed), or on anything when it auto-approves proposals; otherwise it holds the vote
 * for manual review.
 */
public final class ProposalDesk {
    private static final Logger log = LoggerFactory.getLogger(ProposalDesk.class);

    private final MemberContext ctx;
    private final Ballots ballots;
    private final Outbox outbox;

    public ProposalDesk(MemberContext ctx, Ballots ballots, Outbox outbox) {
        this.ctx = ctx;
        this.ballots = ballots;
        this.outbox = outbox;
    }

    /** A proposal by this member; answers its ID. */
    public String propose(ProposalBody body) throws Refusal {
        if (!body.proposer().equals(ctx.self())) {
            throw Refusal.conflict("a member proposes in its own name");
        }
        Optional<String> problem = check(body);
        if (problem.isPresent()) {
            throw new Refusal(422, problem.get());
        }
        byte[] bytes = body.encode();
        String id = ProposalBody.id(bytes);
        store(id, body, bytes, ctx.self());
        ballots.cast(id, true, List.of());
        outbox.toAll("propose", bytes, id);
        log.info("{} proposes {} ({})", ctx.self(), body.kind(), id.substring(0, 12));
        return id;
    }

    /** A proposal another member broadcast. */
    public void received(String from, byte[] bytes) throws Refusal {
        ProposalBody body;
        try {
            body = Json.MAPPER.readValue(bytes, ProposalBody.class);
        } catch (IOException e) {
            throw new Refusal(400, "not a proposal: " + e.getMessage());
        }
        if (!body.proposer().equals(from)) {
            throw Refusal.notApproved("a proposal by " + body.proposer() + " must come from " + body.proposer());
        }
        store(ProposalBody.id(bytes), body, bytes, from);
    }

    private void store(String id, ProposalBody body, byte[] bytes, String origin) {
        Duration expiry = params().joinExpiry();
        ctx.store().addProposal(new Records.Proposal(id, body.kind().equals(ProposalBody.REMOVE) ? ProposalKind.REMOVE : ProposalKind.PARAMS,
                dev.virex.core.Bytes.wrap(bytes), ctx.now(), ctx.now().plus(expiry), origin, false, OptionalLong.empty(), ""), Optional.empty());
    }

    /** Votes on received proposals by policy. */
    public void tick() {
        for (Records.Proposal p : ctx.store().openProposals()) {
            if (p.kind() == ProposalKind.JOIN || ballots.hasVoted(p.id())) {
                continue;
            }
            ProposalBody body;
            try {
                body = Deriver.body(p);
            } catch (Refusal e) {
                ballots.cast(p.id(), false, List.of("malformed " + e.getMessage()));
                continue;
            }
            Optional<String> problem = check(body);
            if (problem.isPresent()) {
                ballots.cast(p.id(), false, List.of(problem.get()));
            } else if (ctx.policy().autoApproveProposals() || ownEvidence(body)) {
                ballots.cast(p.id(), true, List.of());
            }
        }
    }

    /** Why this member votes no on a proposal, as a reason line; empty if it is acceptable. */
    Optional<String> check(ProposalBody body) {
        Directory d = ctx.log().directory().orElse(null);
        if (d == null) {
            return Optional.of("no-genesis the log has no genesis");
        }
        if (ProposalBody.REMOVE.equals(body.kind())) {
            AdmittedNode n = d.nodes().get(body.nodeKey().name());
            return n != null && n.info().node().equals(body.nodeKey()) ? Optional.empty()
                    : Optional.of("not-admitted node " + body.nodeKey().name() + " is not in the directory with that key");
        }
        try {
            NetworkParams.validateChange(d.paramsAt(ctx.now()), body.params());
            return Optional.empty();
        } catch (DecisionFormatException e) {
            return Optional.of("invalid-params " + e.getMessage());
        }
    }

    /** Whether this member's own latest monitoring probe of the node failed. */
    private boolean ownEvidence(ProposalBody body) {
        if (!ProposalBody.REMOVE.equals(body.kind())) {
            return false;
        }
        return ctx.store().probes("node:" + body.nodeKey().name(), 1).stream().anyMatch(pr -> !pr.ok());
    }

    private NetworkParams params() {
        try {
            return NetworkParams.of(ctx.log().directory().map(d -> d.paramsAt(ctx.now())).orElse(java.util.Map.of()));
        } catch (DecisionFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
