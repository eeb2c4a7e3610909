package dev.virex.federation;

import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.Reason;
import dev.virex.federation.api.DirectoryAnswer;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.api.JoinStatus;
import dev.virex.federation.api.Receipt;
import dev.virex.federation.decide.DecisionCoordinator;
import dev.virex.federation.decide.Tally;
import dev.virex.federation.ledger.LogView;
import dev.virex.federation.review.JoinIntake;
import dev.virex.federation.store.Records;
import dev.virex.log.LogException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A member's side of the public {@link FederationApi}: join intake, join status with receipts, the directory. */
final class PublicService implements FederationApi {
    private final MemberContext ctx;
    private final JoinIntake intake;
    private final DecisionCoordinator coordinator;
    private final Runnable nudge;

    PublicService(MemberContext ctx, JoinIntake intake, DecisionCoordinator coordinator, Runnable nudge) {
        this.ctx = ctx;
        this.intake = intake;
        this.coordinator = coordinator;
        this.nudge = nudge;
    }

    @Override
    public JoinStatus submitJoin(byte[] signedRequest) throws FederationException {
        ctx.log().refresh();
        String id = intake.submit(signedRequest);
        nudge.run();
        return joinStatus(id);
    }

    @Override
    public JoinStatus joinStatus(String id) throws FederationException {
        if (!id.matches("[0-9a-f]{64}")) {
            throw new FederationException(400, "a request ID is 64 lowercase hex digits");
        }
        ctx.log().refresh();
        Optional<LogView.Logged> logged = ctx.log().decided("join:" + id);
        Optional<Records.Proposal> p = ctx.store().proposal(id);
        if (logged.isEmpty() && p.isEmpty()) {
            throw new FederationException(404, "no join request " + id + " at " + ctx.self());
        }
        Tally t = Tally.of(ctx.store().votes(id));
        List<String> waiting = new ArrayList<>(ctx.roster().names());
        waiting.removeAll(t.voted());
        Map<String, String> down = ctx.peers().unreachable();
        List<String> unreachable = ctx.roster().names().stream().filter(down::containsKey).toList();
        int m = ctx.threshold();
        if (logged.isPresent()) {
            LogView.Logged l = logged.get();
            boolean approved = l.decision() instanceof dev.virex.core.decision.JoinApproved;
            List<String> reasons = l.decision() instanceof JoinRejected jr
                    ? jr.reasons().stream().map(PublicService::reasonLine).toList() : List.of();
            return new JoinStatus(id, approved ? JoinStatus.APPROVED : JoinStatus.REJECTED, t.yes().size(), t.no().size(), m, t.yes(), t.no(),
                    waiting, unreachable, reasons, (approved ? "approved" : "rejected") + " at log index " + l.index(), receipt(id, l));
        }
        return new JoinStatus(id, JoinStatus.REVIEWING, t.yes().size(), t.no().size(), m, t.yes(), t.no(), waiting, unreachable,
                t.reasons(), message(id, t, waiting, unreachable), null);
    }

    private String message(String id, Tally t, List<String> waiting, List<String> unreachable) {
        int m = ctx.threshold();
        String problem = coordinator.problem("join:" + id).map(s -> "; last attempt: " + s).orElse("");
        if (t.yes().size() >= m) {
            return "approved by " + t.yes() + "; being signed and logged" + problem;
        }
        if (t.no().size() >= m) {
            return "rejected by " + t.no() + "; being signed and logged" + problem;
        }
        List<String> reachableUndecided = waiting.stream().filter(w -> !unreachable.contains(w)).toList();
        String votes = t.yes().size() + " of " + m + " approvals" + (t.yes().isEmpty() ? "" : " (" + String.join(", ", t.yes()) + ")")
                + (t.no().isEmpty() ? "" : ", " + t.no().size() + " rejections (" + String.join(", ", t.no()) + ")");
        String missing = waiting.isEmpty() ? "" : "; no vote yet from " + String.join(", ", waiting);
        if (t.yes().size() + reachableUndecided.size() < m && t.no().size() + reachableUndecided.size() < m) {
            return "cannot decide: " + votes + missing + "; unreachable: " + String.join(", ", unreachable) + "; fewer than " + m
                    + " members can still vote alike" + problem;
        }
        return "under review: " + votes + missing + problem;
    }

    /** A fresh tlog-proof from the log; the one kept from the append when the log cannot give one. */
    private Receipt receipt(String id, LogView.Logged l) throws FederationException {
        try {
            return Receipt.of(l.index(), l.entry(), ctx.log().receipt(l.index()));
        } catch (IOException | LogException e) {
            var kept = ctx.store().receipt(id).filter(r -> r.logIndex() == l.index());
            if (kept.isPresent()) {
                return new Receipt(l.index(), l.entry().toBase64(), new String(kept.get().proof().toArray(), StandardCharsets.UTF_8));
            }
            throw new FederationException(503, "decided at log index " + l.index() + ", but the log's proof is unavailable: " + e.getMessage());
        }
    }

    @Override
    public DirectoryAnswer directory() throws FederationException {
        ctx.log().refresh();
        LogView.Snapshot s = ctx.log().snapshot()
                .orElseThrow(() -> new FederationException(503, "no directory snapshot in the log yet"));
        try {
            String proof = new String(ctx.log().receipt(s.index()).encode(), StandardCharsets.UTF_8);
            return new DirectoryAnswer(s.index(), s.entry().toBase64(), s.directoryText(), proof);
        } catch (IOException | LogException e) {
            throw new FederationException(503, "the log's proof of the snapshot is unavailable: " + e.getMessage());
        }
    }

    static String reasonLine(Reason r) {
        return r.text().isEmpty() ? r.code() : r.code() + " " + r.text();
    }
}
