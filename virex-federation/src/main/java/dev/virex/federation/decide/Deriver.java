package dev.virex.federation.decide;

import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.join.JoinFormatException;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.federation.MemberContext;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives the decision text a {@link DecisionRequest} stands for from this member's own state:
 * its stored request or proposal, its view of the log, the group and roster. Coordinator and
 * signers call the same code, so a signer signs only the text it derived itself.
 */
public final class Deriver {
    private final MemberContext ctx;

    public Deriver(MemberContext ctx) {
        this.ctx = ctx;
    }

    public Decision derive(DecisionRequest r) throws Refusal {
        Instant time = r.instant();
        Duration skew = ctx.timing().decisionSkew();
        if (time.isBefore(ctx.now().minus(skew)) || time.isAfter(ctx.now().plus(skew))) {
            throw Refusal.conflict("decision time " + r.time() + " is more than " + skew.toSeconds() + " s from " + ctx.self() + "'s clock");
        }
        try {
            return switch (r.about().substring(0, r.about().indexOf(':') < 0 ? r.about().length() : r.about().indexOf(':'))) {
                case "join" -> join(r, time);
                case "proposal" -> proposal(r.key(), time);
                case "epoch" -> epoch(r, time);
                case "directory" -> snapshot(Long.parseLong(r.key()), time);
                case "genesis" -> genesis(time);
                default -> genesisParams(time);
            };
        } catch (IllegalArgumentException | DecisionFormatException e) {
            throw Refusal.conflict("cannot derive " + r.about() + ": " + e.getMessage());
        }
    }

    private Header header(DecisionKind k, Instant t) {
        return new Header(k, ctx.federation(), t);
    }

    Records.Proposal stored(String id, ProposalKind kind) throws Refusal {
        Records.Proposal p = ctx.store().proposal(id).orElseThrow(() -> Refusal.unknown(ctx.self() + " has no proposal " + id));
        if (p.kind() != kind) {
            throw Refusal.conflict(id + " is a " + p.kind().wire() + " proposal");
        }
        return p;
    }

    SignedJoinRequest request(Records.Proposal p) throws Refusal {
        try {
            return SignedJoinRequest.open(p.body().toArray());
        } catch (JoinFormatException e) {
            throw Refusal.conflict("stored join request does not open: " + e.getMessage());
        }
    }

    private Decision join(DecisionRequest r, Instant time) throws Refusal {
        SignedJoinRequest req = request(stored(r.key(), ProposalKind.JOIN));
        if (DecisionRequest.APPROVE.equals(r.outcome())) {
            return new JoinApproved(header(DecisionKind.JOIN_APPROVED, time), req.request().node(), req.id());
        }
        if (r.reasons().isEmpty()) {
            throw Refusal.conflict("a rejection needs reasons");
        }
        return new JoinRejected(header(DecisionKind.JOIN_REJECTED, time), req.request().node(), req.id(), r.parsedReasons());
    }

    private Decision proposal(String id, Instant time) throws Refusal {
        Records.Proposal p = ctx.store().proposal(id).orElseThrow(() -> Refusal.unknown(ctx.self() + " has no proposal " + id));
        ProposalBody b = body(p);
        return ProposalBody.REMOVE.equals(b.kind()) ? b.removal(ctx.federation(), time) : b.change(ctx.federation(), time);
    }

    static ProposalBody body(Records.Proposal p) throws Refusal {
        if (p.kind() == ProposalKind.JOIN) {
            throw Refusal.conflict(p.id() + " is a join request, not a proposal");
        }
        try {
            return Json.MAPPER.readValue(p.body().toArray(), ProposalBody.class);
        } catch (java.io.IOException e) {
            throw Refusal.conflict("stored proposal does not parse: " + e.getMessage());
        }
    }

    private Directory directory() throws Refusal {
        return ctx.log().directory().orElseThrow(() -> Refusal.conflict("the log has no genesis yet"));
    }

    private Decision epoch(DecisionRequest r, Instant time) throws Refusal, DecisionFormatException {
        EpochPlan plan = EpochPlan.next(directory(), ctx.now());
        Instant start = r.startInstant().orElseThrow(() -> Refusal.conflict("an epoch beacon request names its start"));
        return new EpochBeacon(header(DecisionKind.EPOCH, time), Long.parseLong(r.key()), start, plan.length());
    }

    private Decision snapshot(long size, Instant time) throws Refusal {
        Directory d = directory();
        if (d.logSize() != size) {
            throw Refusal.conflict("the log has " + d.logSize() + " entries at " + ctx.self() + ", not " + size);
        }
        return new DirectorySnapshot(header(DecisionKind.DIRECTORY, time), size, d.digest(), d.nodes().size());
    }

    private Decision genesis(Instant time) throws Refusal {
        if (ctx.log().size() != 0) {
            throw Refusal.conflict("the log is not empty: genesis is done");
        }
        GroupKey g = ctx.group();
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : g.members()) {
            var identity = ctx.roster().identity(m.name())
                    .orElseThrow(() -> Refusal.conflict("group member " + m.name() + " is not in the federation configuration"));
            members.add(new FederationKey.Member(m.id().value(), m.name(), identity, m.verifyingShare().serialize()));
        }
        return new FederationKey(header(DecisionKind.FEDERATION_KEY, time), g.vkey(), g.threshold(), members, Optional.empty());
    }

    private Decision genesisParams(Instant time) throws Refusal {
        Directory d = directory();
        if (d.logSize() != 1) {
            throw Refusal.conflict("genesis parameters go at log index 1; the log has " + d.logSize() + " entries");
        }
        return new ParamsChanged(header(DecisionKind.PARAMS_CHANGED, time), d.federation().time(), genesisParams());
    }

    /** The genesis parameters: every default, with the federation configuration's overrides. */
    public TreeMap<String, String> genesisParams() {
        TreeMap<String, String> p = new TreeMap<>(NetworkParams.DEFAULTS);
        p.putAll(ctx.roster().config().genesisParams());
        return p;
    }
}
