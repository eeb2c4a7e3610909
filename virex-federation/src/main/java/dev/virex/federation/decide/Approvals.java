package dev.virex.federation.decide;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.federation.MemberContext;
import dev.virex.federation.ledger.Subjects;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether this member agrees to sign a derived decision: a join decision only as it voted (any
 * member for an expired request), a removal or parameter change only if it voted yes and the
 * change still applies, a beacon only when its epoch is due, a snapshot only of its own fold and
 * when one is due; never a decision already in the log, never the opposite of what it signed.
 */
public final class Approvals {
    private final MemberContext ctx;

    public Approvals(MemberContext ctx) {
        this.ctx = ctx;
    }

    public void check(DecisionRequest r, Decision d) throws Refusal {
        String subject = Subjects.of(d);
        var signed = ctx.store().signed(subject);
        if (signed.isPresent() && !signed.get().outcome().equals(d.kind().wire())) {
            throw Refusal.conflict(ctx.self() + " already signed " + signed.get().outcome() + " for " + subject);
        }
        String about = r.about();
        if (about.startsWith("join:")) {
            join(r, subject);
        } else if (about.startsWith("proposal:")) {
            proposal(r.key(), d);
        } else if (about.startsWith("epoch:")) {
            epoch(r, (EpochBeacon) d);
        } else if (about.startsWith("directory:")) {
            snapshot(subject);
        }
        // genesis and genesis-params: the derivation already checked the log's size.
    }

    private Records.Vote ownVote(String id) throws Refusal {
        return ctx.store().votes(id).stream().filter(v -> v.member().equals(ctx.self())).findFirst()
                .orElseThrow(() -> Refusal.notApproved(ctx.self() + " has not voted on " + id));
    }

    private void undecided(String subject) throws Refusal {
        if (ctx.log().decided(subject).isPresent()) {
            throw Refusal.conflict(subject + " is already decided in the log");
        }
    }

    private void join(DecisionRequest r, String subject) throws Refusal {
        undecided(subject);
        String id = r.key();
        switch (r.outcome()) {
            case DecisionRequest.APPROVE -> {
                if (!ownVote(id).yes()) {
                    throw Refusal.notApproved(ctx.self() + " voted no on " + id);
                }
            }
            case DecisionRequest.REJECT -> {
                if (ownVote(id).yes()) {
                    throw Refusal.notApproved(ctx.self() + " voted yes on " + id);
                }
                reasonsFromVotes(id, r.reasons());
            }
            default -> {
                Records.Proposal p = ctx.store().proposal(id).orElseThrow(() -> Refusal.unknown("no request " + id));
                if (!ctx.now().isAfter(p.deadline())) {
                    throw Refusal.notApproved("request " + id + " has not expired at " + ctx.self() + " (deadline " + p.deadline() + ")");
                }
                if (r.reasons().isEmpty() || !r.reasons().get(0).startsWith("expired")) {
                    throw Refusal.conflict("an expiry rejection's first reason is 'expired'");
                }
                reasonsFromVotes(id, r.reasons().subList(1, r.reasons().size()));
            }
        }
    }

    /** Every reason must be one some member gave in a no-vote this member has seen. */
    private void reasonsFromVotes(String id, List<String> reasons) throws Refusal {
        Set<String> known = new HashSet<>();
        ctx.store().votes(id).stream().filter(v -> !v.yes()).forEach(v -> known.addAll(v.reasons()));
        for (String reason : reasons) {
            if (!known.contains(reason)) {
                throw Refusal.notApproved("reason '" + reason + "' is not in any no-vote " + ctx.self() + " has seen");
            }
        }
    }

    private void proposal(String id, Decision d) throws Refusal {
        Records.Proposal p = ctx.store().proposal(id).orElseThrow(() -> Refusal.unknown("no proposal " + id));
        if (!ownVote(id).yes()) {
            throw Refusal.notApproved(ctx.self() + " voted no on proposal " + id);
        }
        Directory dir = ctx.log().directory().orElseThrow(() -> Refusal.conflict("no genesis yet"));
        for (var l : ctx.log().decisions(Subjects.of(d))) {
            if (l.applied() && !l.decision().time().isBefore(p.receivedAt().minus(ctx.timing().decisionSkew()))) {
                throw Refusal.conflict("proposal " + id + " is already decided at log index " + l.index());
            }
        }
        if (d instanceof NodeRemoved nr) {
            AdmittedNode n = dir.nodes().get(nr.nodeId());
            if (n == null || !n.info().node().equals(nr.node())) {
                throw Refusal.conflict("node " + nr.nodeId() + " is not admitted with that key");
            }
        } else if (d instanceof ParamsChanged pc) {
            try {
                NetworkParams.validateChange(dir.paramsAt(ctx.now()), pc.params());
            } catch (DecisionFormatException e) {
                throw Refusal.notApproved(e.getMessage());
            }
        }
        if (p.kind() == ProposalKind.JOIN) {
            throw Refusal.conflict(id + " is a join request");
        }
    }

    private void epoch(DecisionRequest r, EpochBeacon b) throws Refusal {
        Directory dir = ctx.log().directory().orElseThrow(() -> Refusal.conflict("no genesis yet"));
        try {
            EpochPlan plan = EpochPlan.next(dir, ctx.now());
            if (b.epoch() != plan.epoch()) {
                throw Refusal.conflict("the next epoch is " + plan.epoch() + ", not " + b.epoch());
            }
            if (!plan.accepts(b.start(), ctx.now(), ctx.timing().decisionSkew())) {
                throw Refusal.notApproved("epoch " + b.epoch() + " starting " + b.start() + " is not due at " + ctx.self());
            }
        } catch (DecisionFormatException e) {
            throw Refusal.conflict(e.getMessage());
        }
    }

    private void snapshot(String subject) throws Refusal {
        undecided(subject);
        if (!SnapshotPolicy.due(ctx, ctx.now().plus(ctx.timing().decisionSkew()))) {
            throw Refusal.notApproved("no directory snapshot is due at " + ctx.self());
        }
    }
}
