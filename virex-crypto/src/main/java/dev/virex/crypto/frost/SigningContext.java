package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values every party of one FROST signing derives from (group public key, commitment list,
 * message), computed once: binding factors (RFC 9591 section 4.4), group commitment (4.5),
 * challenge (4.6) and interpolating values (4.2). Signing (5.2), share verification and
 * aggregation (5.3) run against it.
 */
public final class SigningContext {
    private final Element groupKey;
    private final List<SigningCommitment> commitments;
    private final List<Identifier> participants;
    private final Map<Identifier, Scalar> bindingFactors;
    /** D_i + rho_i * E_i per participant: the terms of the group commitment, reused by share checks. */
    private final Map<Identifier, Element> commitmentShares;
    private final Element groupCommitment;
    private final Scalar challenge;
    private final Map<Identifier, Scalar> lambdas = new java.util.concurrent.ConcurrentHashMap<>();

    private SigningContext(Element groupKey, List<SigningCommitment> commitments, byte[] msg) {
        this.groupKey = groupKey;
        this.commitments = commitments;
        this.participants = commitments.stream().map(SigningCommitment::id).toList();
        this.bindingFactors = computeBindingFactors(groupKey, commitments, msg);
        this.commitmentShares = computeCommitmentShares(commitments, bindingFactors);
        this.groupCommitment = computeGroupCommitment(commitmentShares);
        this.challenge = computeChallenge(groupCommitment, groupKey, msg);
    }

    /**
     * @param commitments the commitment list, which RFC 9591 requires sorted in ascending order of
     *     identifier; a list out of order or with a repeated identifier is refused.
     */
    public static SigningContext of(Element groupKey, List<SigningCommitment> commitments, byte[] msg) {
        if (commitments.isEmpty()) {
            throw new IllegalArgumentException("empty commitment list");
        }
        for (int i = 1; i < commitments.size(); i++) {
            if (commitments.get(i - 1).id().compareTo(commitments.get(i).id()) >= 0) {
                throw new IllegalArgumentException("commitment list must be sorted by identifier, without repeats");
            }
        }
        return new SigningContext(groupKey, List.copyOf(commitments), msg.clone());
    }

    /** compute_binding_factors, RFC 9591 section 4.4. */
    static Map<Identifier, Scalar> computeBindingFactors(Element groupKey, List<SigningCommitment> list, byte[] msg) {
        byte[] msgHash = Ciphersuite.h4(msg);
        byte[] encoded = new byte[list.size() * (Scalar.BYTES + 2 * Element.BYTES)];
        int off = 0;
        for (SigningCommitment c : list) {
            byte[] e = c.encode();
            System.arraycopy(e, 0, encoded, off, e.length);
            off += e.length;
        }
        byte[] commitmentHash = Ciphersuite.h5(encoded);
        byte[] prefix = groupKey.serialize().toArray();
        Map<Identifier, Scalar> out = new LinkedHashMap<>();
        for (SigningCommitment c : list) {
            out.put(c.id(), Ciphersuite.h1(prefix, msgHash, commitmentHash, c.id().serialize().toArray()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The terms D_i + rho_i * E_i of compute_group_commitment, RFC 9591 section 4.5. */
    static Map<Identifier, Element> computeCommitmentShares(List<SigningCommitment> list, Map<Identifier, Scalar> factors) {
        Map<Identifier, Element> out = new LinkedHashMap<>();
        for (SigningCommitment c : list) {
            out.put(c.id(), c.hiding().add(c.binding().multiply(factors.get(c.id()))));
        }
        return Collections.unmodifiableMap(out);
    }

    /** compute_group_commitment, RFC 9591 section 4.5: the sum of D_i + rho_i * E_i. */
    static Element computeGroupCommitment(Map<Identifier, Element> commitmentShares) {
        Element acc = Element.IDENTITY;
        for (Element term : commitmentShares.values()) {
            acc = acc.add(term);
        }
        return acc;
    }

    /** compute_challenge, RFC 9591 section 4.6: H2(R || PK || msg). */
    static Scalar computeChallenge(Element groupCommitment, Element groupKey, byte[] msg) {
        return Ciphersuite.h2(groupCommitment.serialize().toArray(), groupKey.serialize().toArray(), msg);
    }

    /** binding_factor_for_participant, RFC 9591 section 4.3. */
    public Scalar bindingFactor(Identifier id) {
        Scalar rho = bindingFactors.get(id);
        if (rho == null) {
            throw new IllegalArgumentException("invalid participant: " + id);
        }
        return rho;
    }

    /** sign, RFC 9591 section 5.2: z_i = d_i + e_i * rho_i + lambda_i * s_i * c. */
    public SignatureShare sign(Identifier id, Scalar secretShare, SigningNonces nonces, SecretAccess access) {
        if (!nonces.commitment().equals(commitmentOf(id))) {
            throw new IllegalArgumentException("the nonces are not those committed to for participant " + id);
        }
        Scalar lambda = lambda(id);
        Scalar z = nonces.hiding(access)
                .add(nonces.binding(access).multiply(bindingFactor(id)))
                .add(lambda.multiply(secretShare).multiply(challenge));
        return new SignatureShare(id, z);
    }

    /**
     * verify_signature_share, RFC 9591 section 5.3: z_i * B == D_i + rho_i * E_i + (c * lambda_i) * PK_i,
     * checked as D_i + rho_i * E_i == z_i * B - (c * lambda_i) * PK_i (public values, variable time).
     */
    public boolean verifyShare(SignatureShare share, Element verifyingShare) {
        Element commShare = commitmentShares.get(share.id());
        if (commShare == null) {
            throw new IllegalArgumentException("invalid participant: " + share.id());
        }
        Scalar lambda = lambda(share.id());
        Element rhs = Element.vartimeDoubleBase(challenge.multiply(lambda).negate(), verifyingShare, share.share());
        return commShare.equals(rhs);
    }

    /** lambda_i, derive_interpolating_value over this participant list (RFC 9591 section 4.2), cached. */
    private Scalar lambda(Identifier id) {
        return lambdas.computeIfAbsent(id, i -> Polynomials.interpolatingValue(participants, i));
    }

    /**
     * aggregate, RFC 9591 section 5.3: (group commitment, sum of z_i). Needs one share per
     * participant of the commitment list.
     */
    public Signature aggregate(List<SignatureShare> shares) {
        List<Identifier> ids = new ArrayList<>(shares.stream().map(SignatureShare::id).toList());
        Collections.sort(ids);
        if (!ids.equals(participants)) {
            throw new IllegalArgumentException("need exactly one share from each of " + participants + ", got " + ids);
        }
        Scalar z = Scalar.ZERO;
        for (SignatureShare s : shares) {
            z = z.add(s.share());
        }
        return new Signature(groupCommitment, z);
    }

    public SigningCommitment commitmentOf(Identifier id) {
        for (SigningCommitment c : commitments) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("invalid participant: " + id);
    }

    public List<Identifier> participants() {
        return participants;
    }

    public List<SigningCommitment> commitments() {
        return commitments;
    }

    public Element groupCommitment() {
        return groupCommitment;
    }

    public Scalar challenge() {
        return challenge;
    }

    public Element groupKey() {
        return groupKey;
    }
}
