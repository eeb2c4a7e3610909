package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies many attestations at once (an auditor reading a log from genesis), with one random
 * linear combination of all their equations instead of each share on its own. For attestation
 * e with signers i, binding factors rho_i (RFC 9591 section 4.4), Lagrange coefficients lambda_i
 * (section 4.2), challenge c = H2(R || PK || msg) (section 4.6) from the logged signature (R, z):
 *
 * <pre>
 *   z_i B = D_i + rho_i E_i + c lambda_i PK_i      each share (verify_signature_share, section 5.3)
 *   R     = sum_i (D_i + rho_i E_i)                 the commitments make the signature's R (aggregate)
 *   z     = sum_i z_i                               (checked exactly, per attestation)
 * </pre>
 *
 * Together they imply the group signature's equation z B = R + c PK (sum the share equations: the
 * lambda_i PK_i of a consistent group sum to PK). With independent random 128-bit weights a_i per
 * share and b per attestation, the batch holds iff
 * {@code [8] (sum a_i (z_i B - D_i - rho_i E_i - c lambda_i PK_i) + b (R - sum (D_i + rho_i E_i))) == I};
 * a false equation survives with probability about 2^-128. The cofactor makes small-order
 * components irrelevant, so commitments are decoded without the prime-order check (RFC 8032
 * section 5.1.3 only): the batch accepts what {@link Attestation#verify} accepts, and also
 * commitments with a small-order part added, which change no equation in the prime-order group.
 * One multi-scalar multiplication ({@link Msm}) for everything: 2M + 1 points per attestation,
 * plus B and the N verifying shares once; the weights of D_i and R are short (129 bits) and kept
 * positive (the points are negated instead), which halves their share of the work. Not thread-safe.
 */
public final class AttestationBatch {
    private final GroupKey group;
    private final SecureRandom random;
    private final List<Scalar> scalars = new ArrayList<>();
    private final List<Element> points = new ArrayList<>();
    private final Map<Identifier, Scalar> shareCoefficients = new TreeMap<>();
    /** Lagrange coefficients per signer set: a few sets sign most decisions; each costs M inversions. */
    private final Map<List<Identifier>, Map<Identifier, Scalar>> lambdas = new java.util.HashMap<>();
    private Scalar baseCoefficient = Scalar.ZERO;
    private int size;
    private boolean failed;

    public AttestationBatch(GroupKey group, SecureRandom random) {
        this.group = group;
        this.random = random;
    }

    /** Attestations added since the last {@link #verify}. */
    public int size() {
        return size;
    }

    /**
     * Adds the attestation {@code text} of the group signature {@code signature} over {@code message}.
     * Structure is checked now (as {@link Attestation#verify} does: group, message, signature, at
     * least M signers, each a member under its name); the shares' sum, the share equations, the
     * commitments' sum and the group signature at {@link #verify}.
     *
     * @throws FrostException the attestation is malformed or fails a structural check
     */
    public void add(byte[] text, byte[] message, Bytes signature) throws FrostException {
        Attestation a = Attestation.parse(text, false);
        if (!a.groupId().equals(group.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "attestation is for another group");
        }
        if (!a.messageDigest().equals(Ciphersuite.sha256(message)) || !a.signature().equals(signature)) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "attestation is for another message or signature");
        }
        if (a.signers().size() < group.threshold()) {
            throw new FrostException(FrostException.Kind.NOT_ENOUGH_SIGNERS,
                    "attestation lists " + a.signers().size() + " signers, the group needs " + group.threshold());
        }
        List<SigningCommitment> commitments = new ArrayList<>();
        Scalar zSum = Scalar.ZERO;
        for (Attestation.Signer s : a.signers()) {
            GroupKey.Member m = group.member(s.id());
            if (!m.name().equals(s.name())) {
                throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "attestation names member " + s.id() + " '" + s.name()
                        + "', the group calls it '" + m.name() + "'", List.of(s.name()));
            }
            commitments.add(s.commitment());
            zSum = zSum.add(s.share());
        }
        Element r = Element.decodeRfc8032(signature.slice(0, Element.BYTES));
        Scalar z = Scalar.deserialize(signature.slice(Element.BYTES, Signature.BYTES));
        if (!z.equals(zSum)) {
            failed = true; // aggregate: the shares do not sum to the signature's z
        }
        Map<Identifier, Scalar> rho = SigningContext.computeBindingFactors(group.publicKey(), commitments, message);
        Scalar c = Ciphersuite.h2(signature.slice(0, Element.BYTES).toArray(), group.publicKey().serialize().toArray(), message);
        List<Identifier> ids = commitments.stream().map(SigningCommitment::id).toList();
        Map<Identifier, Scalar> lambda = lambdas.size() > 1024 ? new TreeMap<>() : lambdas.computeIfAbsent(ids, k -> new TreeMap<>());
        byte[] weights = new byte[16 * (a.signers().size() + 1)];
        random.nextBytes(weights); // one call per attestation: SecureRandom calls are not cheap
        Scalar b = weight(weights, 0);
        int w = 1;
        for (Attestation.Signer s : a.signers()) {
            Scalar ai = weight(weights, w++);
            Scalar both = ai.add(b);
            baseCoefficient = baseCoefficient.add(ai.multiply(s.share()));
            // (a_i + b) (-D_i) + (a_i + b) rho_i (-E_i) - a_i c lambda_i PK_i
            scalars.add(both);
            points.add(s.commitment().hiding().negate());
            scalars.add(both.multiply(rho.get(s.id())));
            points.add(s.commitment().binding().negate());
            Scalar li = lambda.computeIfAbsent(s.id(), id -> Polynomials.interpolatingValue(ids, id));
            Scalar pk = ai.multiply(c.multiply(li)).negate();
            shareCoefficients.merge(s.id(), pk, Scalar::add);
        }
        scalars.add(b);
        points.add(r);
        size++;
    }

    /** Whether every equation of every attestation added holds; then starts an empty batch. */
    public boolean verify() {
        List<Scalar> s = new ArrayList<>(scalars);
        List<Element> p = new ArrayList<>(points);
        s.add(baseCoefficient);
        p.add(Element.baseMultiply(Scalar.ONE));
        for (Map.Entry<Identifier, Scalar> e : shareCoefficients.entrySet()) {
            try {
                p.add(group.member(e.getKey()).verifyingShare());
            } catch (FrostException ex) {
                throw new IllegalStateException(ex); // members were checked when added
            }
            s.add(e.getValue());
        }
        boolean ok = !failed && (size == 0 || Msm.sum(s, p).multiplyByCofactor().isIdentity());
        clear();
        return ok;
    }

    public void clear() {
        scalars.clear();
        points.clear();
        shareCoefficients.clear();
        baseCoefficient = Scalar.ZERO;
        size = 0;
        failed = false;
    }

    /** The {@code i}-th random 128-bit weight of {@code bytes} (a false equation passes with chance 2^-128). */
    private static Scalar weight(byte[] bytes, int i) {
        byte[] w = new byte[Scalar.BYTES];
        System.arraycopy(bytes, 16 * i, w, 0, 16);
        try {
            return Scalar.deserialize(Bytes.wrap(w));
        } catch (FrostException e) {
            throw new IllegalStateException(e);
        }
    }

}
