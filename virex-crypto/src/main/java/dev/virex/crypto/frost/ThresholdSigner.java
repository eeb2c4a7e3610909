package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * One member's side of FROST signing (RFC 9591 sections 5.1 and 5.2) as pure functions over round
 * messages; the caller carries them over the network. Nonces live in a {@link NonceStore} between
 * the rounds and are used at most once.
 *
 * <p>Application-level checks of the message (is this a decision the member approves?) are the
 * caller's, before {@link #sign}; see RFC 9591 section 7.7.
 */
public final class ThresholdSigner {
    private final KeyShare share;
    private final NonceStore nonces;
    private final SecureRandom random;

    public ThresholdSigner(KeyShare share, NonceStore nonces, SecureRandom random) {
        this.share = Objects.requireNonNull(share, "share");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.random = Objects.requireNonNull(random, "random");
    }

    public KeyShare keyShare() {
        return share;
    }

    /**
     * Round one, commit: fresh hedged nonces for {@code session}, kept in the store, and the
     * commitment message for the coordinator.
     *
     * @throws FrostException NONCE_REUSED if this member already committed to the session
     */
    public CommitmentMessage commit(SessionId session) throws FrostException {
        SigningNonces n = SigningNonces.commit(share.id(), share.secret(SecretAccess.grant()), random);
        nonces.put(share.group().id(), session, n);
        return new CommitmentMessage(share.group().id(), session, n.commitment());
    }

    /**
     * Round two, sign: validates the package (RFC 9591 section 5.2: this group, at least M known
     * signers, this member among them with the commitment it made), consumes the session's nonces
     * and returns the signature share. Nonces are consumed before the commitment comparison, so a
     * package that names a different commitment for this member burns them.
     */
    public ShareMessage sign(SigningPackage pkg) throws FrostException {
        GroupKey group = share.group();
        if (!pkg.groupId().equals(group.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "signing package is for another group");
        }
        List<Identifier> signers = pkg.signers();
        for (Identifier id : signers) {
            group.member(id);
        }
        if (signers.size() < group.threshold()) {
            throw new FrostException(FrostException.Kind.NOT_ENOUGH_SIGNERS,
                    "signing package has " + signers.size() + " signers, the group needs " + group.threshold());
        }
        if (!signers.contains(share.id())) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "signing package does not include this member (" + share.id() + ")");
        }
        SigningNonces n = nonces.take(group.id(), pkg.session()).orElseThrow(() -> new FrostException(
                FrostException.Kind.NONCE_REUSED, "no unused nonces for session " + pkg.session() + ": already used, or never committed"));
        SigningContext ctx = pkg.context(group);
        if (!ctx.commitmentOf(share.id()).equals(n.commitment())) {
            throw new FrostException(FrostException.Kind.CONFLICT,
                    "signing package carries a commitment for this member that it did not make; nonces discarded");
        }
        SignatureShare z = ctx.sign(share.id(), share.secret(SecretAccess.grant()), n, SecretAccess.grant());
        return new ShareMessage(group.id(), pkg.session(), z);
    }
}
