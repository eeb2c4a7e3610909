package dev.virex.federation.review;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.join.JoinFormatException;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.federation.MemberContext;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This member's independent review of each open join request, one step per tick: the
 * requirements first (a failure votes no at once), then the probation (K successful probes at
 * least T apart; too many failures vote no), then the Sybil limits again with the approvals in
 * flight, then a yes-vote, or a hold for manual review when the policy marks the operator as new.
 */
public final class JoinReview {
    public static final String PROBATION = "probation";
    public static final String MANUAL = "manual";
    public static final String VOTED = "voted";

    private final MemberContext ctx;
    private final Ballots ballots;
    private final Prober prober;

    public JoinReview(MemberContext ctx, Ballots ballots, Prober prober) {
        this.ctx = ctx;
        this.ballots = ballots;
        this.prober = prober;
    }

    public void tick() {
        Directory d = ctx.log().directory().orElse(null);
        if (d == null) {
            return;
        }
        NetworkParams params;
        try {
            params = NetworkParams.of(d.paramsAt(ctx.now()));
        } catch (DecisionFormatException e) {
            return;
        }
        List<Runnable> probes = new ArrayList<>();
        for (Records.Proposal p : ctx.store().openProposals()) {
            if (p.kind() == ProposalKind.JOIN && !ballots.hasVoted(p.id()) && ctx.log().decided("join:" + p.id()).isEmpty()) {
                step(p, d, params, probes);
            }
        }
        if (!probes.isEmpty()) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                probes.forEach(pool::submit);
            }
        }
    }

    private void step(Records.Proposal p, Directory d, NetworkParams params, List<Runnable> probes) {
        SignedJoinRequest r;
        try {
            r = SignedJoinRequest.open(p.body().toArray());
        } catch (JoinFormatException e) {
            ballots.cast(p.id(), false, List.of("malformed " + e.getMessage()));
            return;
        }
        NodeInfo n = r.request().node();
        ReviewPolicy policy = ctx.policy();
        String state = ctx.store().review(p.id()).map(Records.Review::state).orElse("");
        if (state.isEmpty()) {
            List<String> reasons = NodeChecks.requirements(n, params, policy);
            reasons.addAll(NodeChecks.sybil(n, d, inFlight(p.id(), d), params, policy));
            if (!reasons.isEmpty()) {
                vote(p.id(), false, reasons);
                return;
            }
            setState(p.id(), PROBATION, "probation started");
            state = PROBATION;
        }
        if (!PROBATION.equals(state)) {
            return;
        }
        String subject = "join:" + p.id();
        List<Records.Probe> done = ctx.store().probes(subject, 200);
        long failed = done.stream().filter(x -> !x.ok()).count();
        long ok = done.size() - failed;
        ReviewPolicy.Probation pb = policy.probation();
        if (failed >= pb.maxFailures()) {
            vote(p.id(), false, List.of("probe-failed " + clip(done.stream().filter(x -> !x.ok()).findFirst().orElseThrow().detail())));
            return;
        }
        if (ok >= pb.probes()) {
            passed(p, n, d, params);
            return;
        }
        Instant last = done.isEmpty() ? null : done.get(0).at();
        if (last == null || !ctx.now().isBefore(last.plus(pb.interval()))) {
            Set<String> software = new LinkedHashSet<>(params.approvedSoftware());
            software.addAll(policy.approvedSoftware());
            probes.add(() -> {
                ProbeResult res = prober.probe(n, pb.timeout(), software);
                ctx.store().addProbe(new Records.Probe(subject, n.id(), res.time(), res.ok(), res.detail(), res.reportHash()));
            });
        }
    }

    private void passed(Records.Proposal p, NodeInfo n, Directory d, NetworkParams params) {
        List<String> reasons = NodeChecks.sybil(n, d, inFlight(p.id(), d), params, ctx.policy());
        if (!reasons.isEmpty()) {
            vote(p.id(), false, reasons);
            return;
        }
        if (ctx.policy().manualReviewNewOperators() && newOperator(n, d)) {
            setState(p.id(), MANUAL, "probation passed; operator " + n.operator().name() + " is new: waiting for manual review");
            return;
        }
        vote(p.id(), true, List.of());
    }

    private boolean newOperator(NodeInfo n, Directory d) {
        String op = n.operator().encode();
        return !ctx.policy().knownOperators().contains(op)
                && d.nodes().values().stream().noneMatch(a -> a.info().operator().equals(n.operator()));
    }

    /**
     * Nodes of join requests this member voted yes on that are not decided yet. A request stays open
     * until the coordinator closes it, a tick after its approval is in the log: a node {@code d}
     * already holds is counted there, not twice.
     */
    private List<NodeInfo> inFlight(String except, Directory d) {
        List<NodeInfo> out = new ArrayList<>();
        for (Records.Proposal p : ctx.store().openProposals()) {
            if (p.kind() != ProposalKind.JOIN || p.id().equals(except)) {
                continue;
            }
            boolean yes = ctx.store().votes(p.id()).stream().anyMatch(v -> v.member().equals(ctx.self()) && v.yes());
            if (yes) {
                try {
                    NodeInfo node = SignedJoinRequest.open(p.body().toArray()).request().node();
                    AdmittedNode admitted = d.nodes().get(node.id());
                    if (admitted == null || !admitted.info().node().equals(node.node())) {
                        out.add(node);
                    }
                } catch (JoinFormatException e) {
                    // stored requests opened once already; skip a damaged one
                }
            }
        }
        return out;
    }

    /** Casts this member's vote on a join request (also from manual review). */
    public void vote(String id, boolean yes, List<String> reasons) {
        ballots.cast(id, yes, reasons);
        setState(id, VOTED, yes ? "voted yes" : "voted no: " + String.join("; ", reasons));
    }

    private void setState(String id, String state, String note) {
        ctx.store().setReview(new Records.Review(id, state, note, ctx.now()));
    }

    static String clip(String s) {
        String t = s.replace('\n', ' ').strip();
        return t.length() > 180 ? t.substring(0, 180) : t;
    }
}
