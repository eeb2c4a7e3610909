package dev.virex.federation.decide;

import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.federation.MemberContext;
import dev.virex.federation.ledger.LogView;
import dev.virex.federation.ledger.LogViewException;
import dev.virex.federation.ledger.Subjects;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.federation.wire.Outbox;
import dev.virex.log.AddResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns votes and due events into logged decisions (docs/spec/federation.md, "Coordination and
 * failover"). For every decision that is ready (M yes-votes, M no-votes, an expired request, the
 * genesis, a due epoch beacon or directory snapshot) the members rank themselves by
 * SHA-256(key || name); the k-th coordinates once the decision has been ready for k takeover
 * periods and is still not in the log (it checks the log first). It runs the FROST rounds among
 * the voters ({@link SigningRun}) and appends the entry.
 */
public final class DecisionCoordinator {
    private static final Logger log = LoggerFactory.getLogger(DecisionCoordinator.class);

    private final MemberContext ctx;
    private final Deriver deriver;
    private final SigningRun signing;
    private final Outbox outbox;
    private final Map<String, Instant> readySince = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public DecisionCoordinator(MemberContext ctx, Outbox outbox) {
        this.ctx = ctx;
        this.deriver = new Deriver(ctx);
        this.signing = new SigningRun(ctx);
        this.outbox = outbox;
    }

    /** Why the last attempt to decide {@code about} failed, if it did. */
    public Optional<String> problem(String about) {
        return Optional.ofNullable(problems.get(about));
    }

    public void tick() {
        LogView view = ctx.log();
        List<String> all = ctx.roster().names();
        if (view.size() == 0) {
            attempt(request("genesis", null), all);
            return;
        }
        Directory d = view.directory().orElseThrow();
        forgetPassed(d);
        if (d.logSize() == 1 && d.params().isEmpty()) {
            attempt(request("genesis-params", null), all);
            return;
        }
        for (Records.Proposal p : ctx.store().openProposals()) {
            handle(p, all);
        }
        d = view.directory().orElseThrow();
        try {
            EpochPlan plan = EpochPlan.next(d, ctx.now());
            if (plan.due(ctx.now())) {
                attempt(request("epoch:" + plan.epoch(), plan.start().toString()), all);
            }
        } catch (DecisionFormatException e) {
            problems.put("epoch", e.getMessage());
        }
        if (SnapshotPolicy.due(ctx, ctx.now())) {
            attempt(request(Subjects.directory(view.size()), null), all);
        }
    }

    /** Drops what is kept about snapshots of other log sizes and beacons of past epochs. */
    private void forgetPassed(Directory d) {
        String snapshot = Subjects.directory(d.logSize());
        long nextEpoch = d.epoch().map(e -> e.epoch() + 1).orElse(0L);
        java.util.function.Predicate<String> passed = k -> k.startsWith("directory:") && !k.startsWith(snapshot + "/") && !k.equals(snapshot)
                || k.startsWith("epoch:") && !k.startsWith(Subjects.epoch(nextEpoch) + "/") && !k.equals(Subjects.epoch(nextEpoch))
                || k.startsWith("genesis") && d.logSize() > 1;
        readySince.keySet().removeIf(passed);
        problems.keySet().removeIf(passed);
    }

    private DecisionRequest request(String about, String start) {
        return new DecisionRequest(about, DecisionRequest.DECIDE, ctx.second().toString(), List.of(), start);
    }

    private void handle(Records.Proposal p, List<String> all) {
        Tally t = Tally.of(ctx.store().votes(p.id()));
        int m = ctx.threshold();
        if (p.kind() == ProposalKind.JOIN) {
            String about = "join:" + p.id();
            var done = ctx.log().decided(about);
            if (done.isPresent()) {
                close(p, OptionalLong.of(done.get().index()), done.get().decision().kind().wire());
            } else if (t.yes().size() >= m) {
                attempt(join(about, DecisionRequest.APPROVE, List.of()), t.yes());
            } else if (t.no().size() >= m) {
                attempt(join(about, DecisionRequest.REJECT, t.reasons()), t.no());
            } else if (ctx.now().isAfter(p.deadline())) {
                List<String> reasons = new ArrayList<>();
                reasons.add("expired no " + m + "-of-" + all.size() + " decision before " + p.deadline());
                t.reasons().stream().limit(15).forEach(reasons::add);
                attempt(join(about, DecisionRequest.EXPIRE, reasons), all);
            }
            return;
        }
        Decision expected;
        try {
            ProposalBody b = Deriver.body(p);
            expected = ProposalBody.REMOVE.equals(b.kind()) ? b.removal(ctx.federation(), ctx.second()) : b.change(ctx.federation(), ctx.second());
        } catch (Refusal | IllegalArgumentException e) {
            close(p, OptionalLong.empty(), "malformed");
            return;
        }
        for (LogView.Logged l : ctx.log().decisions(Subjects.of(expected))) {
            if (l.applied() && !l.decision().time().isBefore(p.receivedAt().minus(ctx.timing().decisionSkew()))) {
                close(p, OptionalLong.of(l.index()), l.decision().kind().wire());
                return;
            }
        }
        if (ctx.now().isAfter(p.deadline())) {
            close(p, OptionalLong.empty(), "expired");
        } else if (t.no().size() >= m) {
            close(p, OptionalLong.empty(), "refused");
        } else if (t.yes().size() >= m) {
            attempt(new DecisionRequest("proposal:" + p.id(), DecisionRequest.DECIDE, ctx.second().toString(), List.of(), null), t.yes());
        }
    }

    private DecisionRequest join(String about, String outcome, List<String> reasons) {
        return new DecisionRequest(about, outcome, ctx.second().toString(), reasons, null);
    }

    private void close(Records.Proposal p, OptionalLong index, String outcome) {
        ctx.store().close(p.id(), index, outcome);
        outbox.drop(p.id());
        readySince.keySet().removeIf(k -> k.contains(p.id()));
        problems.keySet().removeIf(k -> k.contains(p.id()));
        log.info("{} {} closed: {}{}", p.kind().wire(), p.id().substring(0, 12), outcome,
                index.isPresent() ? " at log index " + index.getAsLong() : "");
    }

    /** Coordinates {@code r} among {@code candidates} if it is this member's turn. */
    private void attempt(DecisionRequest r, List<String> candidates) {
        String key = r.about() + "/" + r.outcome();
        Instant since = readySince.computeIfAbsent(key, k -> ctx.now());
        int rank = Ranking.of(r.about(), ctx.roster().names()).indexOf(ctx.self());
        if (ctx.now().isBefore(since.plus(ctx.timing().takeover().multipliedBy(rank)))) {
            return;
        }
        try {
            ctx.log().sync(); // check the log first: never log a decision twice
            Decision d = deriver.derive(r);
            if (!r.about().startsWith("proposal:") && ctx.log().decided(Subjects.of(d)).isPresent()) {
                return;
            }
            SigningRun.Result res = signing.run(r, d, candidates);
            if (!res.signed()) {
                problems.put(r.about(), res.message() + (res.failures().isEmpty() ? "" : "; " + res.failures()));
                log.warn("cannot decide {} yet: {}", r.about(), problems.get(r.about()));
                return;
            }
            AddResult added = ctx.log().append(res.entry());
            if (added.receipt().isPresent() && (r.about().startsWith("join:") || r.about().startsWith("proposal:"))) {
                ctx.store().saveReceipt(new Records.Receipt(r.key(), added.index(), dev.virex.core.Bytes.wrap(res.entry()),
                        dev.virex.core.Bytes.wrap(added.receipt().get().encode())));
            }
            problems.remove(r.about());
            readySince.remove(key);
            log.info("logged {} for {} at index {} (signed by {})", d.kind().wire(), r.about(), added.index(), res.signers());
            ctx.log().sync();
        } catch (Refusal e) {
            problems.put(r.about(), e.getMessage());
        } catch (LogViewException | java.io.IOException | dev.virex.log.LogException e) {
            problems.put(r.about(), "log: " + e.getMessage());
            log.warn("cannot decide {}: log: {}", r.about(), e.getMessage());
        }
    }
}
