package dev.virex.federation.decide;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.crypto.frost.CommitmentMessage;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.ShareMessage;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.federation.MemberContext;
import dev.virex.federation.ledger.Subjects;
import dev.virex.federation.store.Records;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member as a FROST signer (RFC 9591 section 5): on a commit request it derives the decision
 * text itself and checks that it approves, then commits; on the signing package it checks that
 * the message is exactly that text, checks approval again, records durably what it signs, and
 * only then releases its share. Nonces come from the persistent nonce store.
 */
public final class SignerService {
    private static final Logger log = LoggerFactory.getLogger(SignerService.class);
    static final int MAX_SESSIONS = 256;

    /** The commit request a coordinator sends. */
    public record CommitRequest(DecisionRequest request, String session) {}

    private record Pending(DecisionRequest request, String text) {}

    private final MemberContext ctx;
    private final Deriver deriver;
    private final Approvals approvals;
    private final ThresholdSigner signer;
    private final LinkedHashMap<SessionId, Pending> pending = new LinkedHashMap<>();

    public SignerService(MemberContext ctx) {
        this.ctx = ctx;
        this.deriver = new Deriver(ctx);
        this.approvals = new Approvals(ctx);
        this.signer = new ThresholdSigner(ctx.share(), ctx.store().nonceStore(), ctx.random());
    }

    /** Round one: derive, approve, commit. Answers the commitment message text. */
    public byte[] commit(CommitRequest c) throws Refusal {
        SessionId session = new SessionId(Bytes.wrap(Base64s.decodeCanonical(c.session() == null ? "" : c.session())
                .orElseThrow(() -> new Refusal(400, "session must be canonical base64"))));
        sync();
        Decision d = deriveAndApprove(c.request());
        try {
            CommitmentMessage m = signer.commit(session);
            synchronized (pending) {
                pending.put(session, new Pending(c.request(), d.text()));
                while (pending.size() > MAX_SESSIONS) {
                    pending.remove(pending.keySet().iterator().next());
                }
            }
            return m.encode();
        } catch (FrostException e) {
            throw new Refusal(409, e.getMessage());
        }
    }

    /** Round two: the package must carry exactly the derived text; record, then sign. Answers the share message. */
    public byte[] sign(byte[] packageBytes) throws Refusal {
        SigningPackage pkg;
        try {
            pkg = SigningPackage.parse(packageBytes);
        } catch (FrostException e) {
            throw new Refusal(400, "signing package: " + e.getMessage());
        }
        Pending p;
        synchronized (pending) {
            p = pending.remove(pkg.session());
        }
        if (p == null) {
            throw new Refusal(409, ctx.self() + " did not commit to session " + pkg.session() + " (or already signed it)");
        }
        // RFC 9591 section 7.7: the application validates the message before signing: it must be
        // exactly the decision text this member derived, and still approves.
        if (!pkg.message().equals(Bytes.wrap(p.text().getBytes(StandardCharsets.UTF_8)))) {
            throw Refusal.notApproved("the signing package's message is not the decision " + ctx.self() + " derived for " + p.request().about());
        }
        Decision d = deriveAndApprove(p.request());
        if (!d.text().equals(p.text())) {
            throw Refusal.conflict("the decision " + ctx.self() + " derives for " + p.request().about() + " changed since round one");
        }
        ctx.store().recordSigned(new Records.Signed(Subjects.of(d), d.kind().wire(), sha256(d.text()), ctx.now()));
        try {
            ShareMessage share = signer.sign(pkg);
            log.info("signed {} for {} in session {}", d.kind().wire(), p.request().about(), pkg.session());
            return share.encode();
        } catch (FrostException e) {
            throw new Refusal(409, e.getMessage());
        }
    }

    /** A coordinator may be ahead of this member's view of the log: read it up once per session, at round one. */
    private void sync() throws Refusal {
        try {
            ctx.log().sync();
        } catch (dev.virex.federation.ledger.LogViewException e) {
            throw new Refusal(503, ctx.self() + " cannot read the log: " + e.getMessage());
        }
    }

    private Decision deriveAndApprove(DecisionRequest r) throws Refusal {
        Decision d = deriver.derive(r);
        approvals.check(r, d);
        return d;
    }

    static String sha256(String text) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
