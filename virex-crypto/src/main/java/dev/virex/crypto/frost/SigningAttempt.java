package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of one signing session (RFC 9591 section 5): collects round-one
 * commitments from the invited members, issues the signing package, verifies each round-two share
 * as it arrives against the member's verifying share (section 5.3), and aggregates. Messages of
 * another group or session, from members not invited, or repeated with other content are refused.
 * Not thread-safe: the caller serialises calls.
 */
public final class SigningAttempt {
    private static final Logger log = LoggerFactory.getLogger(SigningAttempt.class);

    /** A finished signing: the group signature and its attestation. */
    public record Signed(Signature signature, Attestation attestation) {}

    private final GroupKey group;
    private final SessionId session;
    private final Bytes message;
    private final Set<Identifier> invited;
    private final SortedMap<Identifier, SigningCommitment> commitments = new TreeMap<>();
    private final SortedMap<Identifier, SignatureShare> shares = new TreeMap<>();
    private final Set<Identifier> bad = new TreeSet<>();
    private SigningPackage pkg;
    private SigningContext ctx;

    SigningAttempt(GroupKey group, SessionId session, Bytes message, Set<Identifier> invited) {
        this.group = group;
        this.session = session;
        this.message = message;
        this.invited = Set.copyOf(invited);
    }

    public SessionId session() {
        return session;
    }

    /** Names of the members asked to commit in this attempt. */
    public List<String> invited() {
        return names(new TreeSet<>(invited));
    }

    /** Accepts a round-one message; the same message twice is accepted once. */
    public void addCommitment(CommitmentMessage m) throws FrostException {
        checkSession(m.groupId(), m.session(), m.member());
        if (pkg != null) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "the signing package is already issued");
        }
        SigningCommitment old = commitments.putIfAbsent(m.member(), m.commitment());
        if (old != null && !old.equals(m.commitment())) {
            throw new FrostException(FrostException.Kind.CONFLICT, "member " + name(m.member()) + " sent two different commitments",
                    List.of(name(m.member())));
        }
    }

    public boolean hasAllCommitments() {
        return commitments.size() == invited.size();
    }

    /** Names of invited members whose commitment has not arrived. */
    public List<String> missingCommitments() {
        TreeSet<Identifier> missing = new TreeSet<>(invited);
        missing.removeAll(commitments.keySet());
        return names(missing);
    }

    /**
     * The round-two package over the commitments received so far (at least M), issued once; later
     * calls return the same package.
     */
    public SigningPackage signingPackage() throws FrostException {
        if (pkg == null) {
            if (commitments.size() < group.threshold()) {
                throw new FrostException(FrostException.Kind.NOT_ENOUGH_SIGNERS, "have " + commitments.size()
                        + " commitments, the group needs " + group.threshold());
            }
            pkg = new SigningPackage(group.id(), session, message, List.copyOf(commitments.values()));
            ctx = pkg.context(group);
        }
        return pkg;
    }

    /**
     * Accepts a round-two share and verifies it (RFC 9591 section 5.3, verify_signature_share).
     *
     * @return whether the share is valid; an invalid one is remembered, see {@link #finish}
     */
    public boolean addShare(ShareMessage m) throws FrostException {
        checkSession(m.groupId(), m.session(), m.member());
        if (pkg == null || !commitments.containsKey(m.member())) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "member " + name(m.member()) + " is not a signer of this package");
        }
        SignatureShare old = shares.putIfAbsent(m.member(), m.share());
        if (old != null) {
            if (!old.share().equals(m.share().share())) {
                throw new FrostException(FrostException.Kind.CONFLICT, "member " + name(m.member()) + " sent two different shares",
                        List.of(name(m.member())));
            }
            return !bad.contains(m.member());
        }
        boolean ok = ctx.verifyShare(m.share(), group.member(m.member()).verifyingShare());
        if (!ok) {
            bad.add(m.member());
            log.warn("invalid signature share from member {} ({}) in session {}", m.member(), name(m.member()), session);
        }
        return ok;
    }

    public boolean hasAllShares() {
        return pkg != null && shares.size() == pkg.commitments().size();
    }

    /** Names of signers whose share failed verification so far. */
    public List<String> badSigners() {
        return names(bad);
    }

    /**
     * Aggregates once every signer's share is in (RFC 9591 section 5.3) and checks the signature
     * under the group key before releasing it.
     *
     * @throws FrostException INVALID_SHARE naming every member whose share failed (identifiable
     *     abort, section 5.4): retry without them through {@link Coordinator#retryWithout}
     */
    public Signed finish() throws FrostException {
        if (!bad.isEmpty()) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE, "invalid signature share from " + String.join(", ", names(bad)), names(bad));
        }
        if (!hasAllShares()) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "shares missing from " + String.join(", ", missingShares()), missingShares());
        }
        List<SignatureShare> all = List.copyOf(shares.values());
        Signature sig = ctx.aggregate(all);
        if (!sig.verify(group.publicKey(), message.toArray())) {
            // Cannot happen when every share verified; kept as the RFC's "SHOULD verify" check.
            throw new FrostException(FrostException.Kind.INVALID_SIGNATURE, "the aggregate signature does not verify");
        }
        return new Signed(sig, Attestation.of(group, pkg, all, sig));
    }

    /** Names of signers of the package whose share has not arrived. */
    public List<String> missingShares() {
        if (pkg == null) {
            return List.of();
        }
        TreeSet<Identifier> missing = new TreeSet<>(commitments.keySet());
        missing.removeAll(shares.keySet());
        return names(missing);
    }

    private void checkSession(Bytes groupId, SessionId s, Identifier member) throws FrostException {
        if (!groupId.equals(group.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "message is for another group");
        }
        if (!s.equals(session)) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "message is for session " + s + ", not " + session);
        }
        if (!invited.contains(member)) {
            throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "member " + member + " is not invited to this session");
        }
    }

    private String name(Identifier id) {
        return group.members().get(id.value() - 1).name();
    }

    private List<String> names(Set<Identifier> ids) {
        List<String> out = new ArrayList<>();
        for (Identifier id : ids) {
            out.add(name(id));
        }
        return out;
    }
}
