package dev.virex.crypto.frost;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that verifying shares and a group key fit together: every share is f(i)*B for one
 * polynomial f of degree exactly M - 1, and f(0)*B is the group key (RFC 9591 Appendix C.2,
 * derive_group_info, read backwards). "Exactly" makes the stated threshold true: M members are
 * needed, and M - 1 are not enough.
 */
final class GroupShares {
    private GroupShares() {}

    /**
     * Interpolates the group key from members 1..M, and checks members M+1..N against the
     * polynomial through members 1..M with one random linear combination (weights hashed from the
     * shares), so that the cost is N + M scalar multiplications rather than (N - M) * M.
     */
    static void checkConsistent(Element groupKey, int threshold, List<GroupKey.Member> members) throws FrostException {
        List<Identifier> base = new ArrayList<>();
        for (int i = 0; i < threshold; i++) {
            base.add(members.get(i).id());
        }
        Element atZero = Element.IDENTITY;
        for (int i = 0; i < threshold; i++) {
            atZero = atZero.add(members.get(i).verifyingShare().multiply(Polynomials.interpolatingValue(base, base.get(i))));
        }
        if (!atZero.equals(groupKey)) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE, "the verifying shares do not interpolate to the group key");
        }
        if (threshold >= 2) {
            // The degree must be exactly M - 1: if member M's share already follows from members
            // 1..M-1, then M - 1 members could sign, and the stated threshold would be a lie.
            List<Identifier> fewer = base.subList(0, threshold - 1);
            Identifier last = base.get(threshold - 1);
            Element predicted = Element.IDENTITY;
            for (int i = 0; i < threshold - 1; i++) {
                predicted = predicted.add(members.get(i).verifyingShare().multiply(Polynomials.lagrangeAt(fewer, fewer.get(i), last.scalar())));
            }
            if (predicted.equals(members.get(threshold - 1).verifyingShare())) {
                throw new FrostException(FrostException.Kind.INVALID_SHARE,
                        "the verifying shares lie on a polynomial of degree below " + (threshold - 1) + ": fewer than " + threshold + " members could sign");
            }
        }
        if (members.size() == threshold) {
            return;
        }
        byte[][] seed = new byte[members.size() + 1][];
        seed[0] = groupKey.serialize().toArray();
        for (int i = 0; i < members.size(); i++) {
            seed[i + 1] = members.get(i).verifyingShare().serialize().toArray();
        }
        byte[] seedHash = Ciphersuite.hashBytes("group-check", seed);
        Scalar[] coef = new Scalar[threshold];
        java.util.Arrays.fill(coef, Scalar.ZERO);
        Element lhs = Element.IDENTITY;
        for (int j = threshold; j < members.size(); j++) {
            GroupKey.Member m = members.get(j);
            Scalar w = Ciphersuite.hashToScalar("group-check-weight", seedHash, m.id().serialize().toArray());
            lhs = lhs.add(m.verifyingShare().multiply(w));
            for (int i = 0; i < threshold; i++) {
                coef[i] = coef[i].add(w.multiply(Polynomials.lagrangeAt(base, base.get(i), m.id().scalar())));
            }
        }
        Element rhs = Element.IDENTITY;
        for (int i = 0; i < threshold; i++) {
            rhs = rhs.add(members.get(i).verifyingShare().multiply(coef[i]));
        }
        if (!lhs.equals(rhs)) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE,
                    "the verifying shares do not lie on one polynomial of degree " + (threshold - 1));
        }
    }
}
