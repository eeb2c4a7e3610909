package dev.virex.federation;

import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.decide.Ballots;
import dev.virex.federation.decide.ProposalDesk;
import dev.virex.federation.decide.Refusal;
import dev.virex.federation.decide.SignerService;
import dev.virex.federation.review.JoinIntake;
import dev.virex.federation.wire.Envelope;
import dev.virex.federation.wire.EnvelopeException;
import dev.virex.federation.wire.EnvelopeGate;
import dev.virex.http.HttpProblem;
import dev.virex.http.Json;
import java.time.Duration;

/**
 * A member's envelope endpoints: admits each envelope ({@link EnvelopeGate}), hands its payload to
 * the part that handles its kind, and maps every refusal to its HTTP status. Incoming work that
 * moves a decision on (a forward, a vote, a proposal) nudges the member's background work.
 */
final class EnvelopeDispatch {
    private final EnvelopeGate gate;
    private final JoinIntake intake;
    private final Ballots ballots;
    private final ProposalDesk desk;
    private final SignerService signer;
    private final AdminService admin;
    private final Runnable nudge;

    EnvelopeDispatch(EnvelopeGate gate, JoinIntake intake, Ballots ballots, ProposalDesk desk, SignerService signer, AdminService admin,
                     Runnable nudge) {
        this.gate = gate;
        this.intake = intake;
        this.ballots = ballots;
        this.desk = desk;
        this.signer = signer;
        this.admin = admin;
        this.nudge = nudge;
    }

    /** {@code POST /member/<kind>}: an envelope from another member. */
    byte[] member(String kind, byte[] body) {
        Envelope e = admit(body, kind, false);
        byte[] payload = e.payload().toArray();
        try {
            return switch (kind) {
                case "forward" -> {
                    intake.forwarded(e.from(), payload);
                    yield done();
                }
                case "vote" -> {
                    ballots.receive(e.from(), Json.read(payload, Ballots.VotePayload.class));
                    yield done();
                }
                case "propose" -> {
                    desk.received(e.from(), payload);
                    yield done();
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

    /** {@code POST /admin/<kind>}: an envelope signed by this member's own key. */
    byte[] admin(String kind, byte[] body) {
        Envelope e = admit(body, kind, true);
        byte[] payload = e.payload().toArray();
        try {
            return switch (kind) {
                case "review-list" -> Json.write(admin.list());
                case "review-vote" -> {
                    admin.vote(Json.read(payload, AdminMessages.ReviewVote.class));
                    yield done();
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

    private byte[] done() {
        nudge.run();
        return Json.write(new AdminMessages.Empty());
    }

    private Envelope admit(byte[] body, String kind, boolean fromSelf) {
        try {
            return gate.admit(body, kind, fromSelf);
        } catch (EnvelopeException ex) {
            throw HttpProblem.of(ex.kind().status(), ex.kind().name(), ex.getMessage());
        }
    }

    static HttpProblem problem(FederationException f) {
        return f.status() == 429
                ? HttpProblem.tooManyRequests(f.getMessage(), f.retryAfter().orElse(Duration.ofSeconds(1)))
                : HttpProblem.of(f.status() == 0 ? 502 : f.status(), "Refused", f.getMessage());
    }
}
