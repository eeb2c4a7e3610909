package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.Polynomials;
import dev.virex.crypto.frost.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's side of the distributed key generation of the FROST paper (Komlo and Goldberg,
 * "FROST: Flexible Round-Optimized Schnorr Threshold Signatures", Figure 1: Pedersen's DKG with
 * proofs of knowledge), as pure steps over signed messages; the caller broadcasts them. No party
 * ever holds the group secret: each member deals a random polynomial, and its key share is the sum
 * of the shares dealt to it.
 *
 * <p>Steps: {@link #round1()} (broadcast), {@link #round2} over every member's round-one note
 * (broadcast the result), {@link #finish} over every member's round-two note. Not thread-safe.
 */
public final class DkgParticipant {
    private static final Logger log = LoggerFactory.getLogger(DkgParticipant.class);

    private enum State { STARTED, ROUND2_SENT, FINISHED }

    private final DkgConfig config;
    private final Bytes dkgId;
    private final Identifier self;
    private final NoteSigner identity;
    private final SecureRandom random;
    private List<Scalar> coefficients;
    private Scalar decryptionKey;
    private final byte[] round1Note;
    private Round1View view;
    private State state = State.STARTED;

    private DkgParticipant(DkgConfig config, Identifier self, NoteSigner identity, SecureRandom random) {
        this.config = config;
        this.dkgId = config.id();
        this.self = self;
        this.identity = identity;
        this.random = random;
        // Round 1, steps 1 to 4: a random polynomial of degree M - 1, its commitment, the proof.
        List<Scalar> coeffs = new ArrayList<>();
        for (int k = 0; k < config.threshold(); k++) {
            coeffs.add(Scalar.random(random));
        }
        this.coefficients = coeffs;
        List<Element> commitment = Polynomials.commit(coeffs);
        ProofOfKnowledge.Proof proof = ProofOfKnowledge.prove(dkgId, self, coeffs.get(0), commitment.get(0), random);
        this.decryptionKey = Scalar.random(random);
        DkgRound1 r1 = new DkgRound1(dkgId, self, commitment, proof.r(), proof.mu(), Element.baseMultiply(decryptionKey));
        this.round1Note = DkgNotes.sign(r1.encode(), identity);
    }

    /**
     * @param identity this member's identity key, one of the configuration's members
     * @throws FrostException UNKNOWN_MEMBER if {@code identity} is not a member
     */
    public static DkgParticipant start(DkgConfig config, NoteSigner identity, SecureRandom random) throws FrostException {
        Identifier self = config.identifierOf(identity.name());
        VerifierKey k = config.member(self);
        if (k.keyId() != identity.keyId()) {
            throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "identity key of " + identity.name() + " is not the one in the DKG configuration");
        }
        return new DkgParticipant(config, self, Objects.requireNonNull(identity), Objects.requireNonNull(random));
    }

    public Identifier self() {
        return self;
    }

    /** Round one: this member's signed round-one note, to broadcast to every member. */
    public byte[] round1() {
        return round1Note.clone();
    }

    /**
     * Round two: checks every member's round-one note (signature, this DKG, proof of knowledge;
     * step 5) and returns this member's signed round-two note with an encrypted share f(j) for
     * every other member j (round 2, step 1).
     *
     * @param round1Notes one note per member, in any order, this member's own included
     * @throws FrostException naming the members whose round one is missing, invalid or unproven
     */
    public byte[] round2(List<byte[]> round1Notes) throws FrostException {
        if (state != State.STARTED) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "round two already done");
        }
        view = Round1View.of(config, round1Notes);
        if (!java.util.Arrays.equals(view.note(self), round1Note)) {
            throw new FrostException(FrostException.Kind.CONFLICT, "the round-one note given for this member is not the one it sent",
                    List.of(config.name(self)));
        }
        List<DkgRound2.EncryptedShare> shares = new ArrayList<>();
        Element ownKey = view.message(self).encryptionKey();
        for (Identifier j : config.identifiers()) {
            if (j.equals(self)) {
                continue;
            }
            Scalar fj = Polynomials.evaluate(coefficients, j.scalar());
            shares.add(new DkgRound2.EncryptedShare(j,
                    ShareCipher.encrypt(dkgId, self, j, decryptionKey, ownKey, view.message(j).encryptionKey(), fj)));
        }
        state = State.ROUND2_SENT;
        return DkgNotes.sign(new DkgRound2(dkgId, self, view.transcript(), shares).encode(), identity);
    }

    /**
     * Finishes: checks every member's round-two note (signature, this DKG, the same round-one
     * transcript), decrypts the shares dealt to this member and checks each against its dealer's
     * commitment (round 2, step 2). Without complaints, the key share is the sum of the shares
     * (step 3) and the group key and every verifying share follow from the commitments (step 4).
     *
     * @param round2Notes one note per member, this member's own included
     * @throws FrostException WRONG_SESSION naming members whose transcript differs (a split view
     *     of round one), or naming members whose round-two note is missing or invalid
     */
    public DkgOutcome finish(List<byte[]> round2Notes) throws FrostException {
        if (state != State.ROUND2_SENT) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "finish comes after round two, once");
        }
        List<DkgRound2> round2 = Round1View.round2(config, view, round2Notes);
        Scalar secret = Polynomials.evaluate(coefficients, self.scalar());
        List<byte[]> complaints = new ArrayList<>();
        List<String> accused = new ArrayList<>();
        for (DkgRound2 m : round2) {
            if (m.member().equals(self)) {
                continue;
            }
            DkgRound1 dealer = view.message(m.member());
            Scalar share;
            try {
                share = ShareCipher.decrypt(dkgId, m.member(), self, decryptionKey, view.message(self).encryptionKey(),
                        dealer.encryptionKey(), m.shareFor(self).ciphertext());
            } catch (FrostException notAScalar) {
                share = null;
            }
            if (share == null || !Polynomials.vssVerify(self, share, dealer.commitment())) {
                complaints.add(DkgNotes.sign(new DkgComplaint(dkgId, self, m.member(), decryptionKey).encode(), identity));
                accused.add(config.name(m.member()));
                continue;
            }
            secret = secret.add(share);
        }
        state = State.FINISHED;
        coefficients = null;
        decryptionKey = null;
        if (!complaints.isEmpty()) {
            log.warn("DKG for {}: shares from {} failed the checks; complaining", config.groupName(), accused);
            return new DkgOutcome.Complained(complaints, accused);
        }
        GroupKey group = view.groupKey();
        log.info("DKG for {} complete: member {} of {}, group key {}", config.groupName(), self, config.size(), group.vkey().encode());
        return new DkgOutcome.Completed(KeyShare.of(group, self, secret, SecretAccess.grant()));
    }
}
