package dev.virex.crypto.frost;

import java.util.HashSet;
import java.util.List;

/**
 * Polynomials over scalars and their commitments: RFC 9591 section 4.2 (derive_interpolating_value)
 * and Appendix C.1 (polynomial_evaluate, polynomial_interpolate_constant), C.2 (vss_commit,
 * vss_verify). Coefficients are listed constant term first.
 */
public final class Polynomials {
    private Polynomials() {}

    /**
     * derive_interpolating_value(L, x_i), RFC 9591 section 4.2: the Lagrange coefficient of x_i for
     * interpolation at 0. Refuses an x_i not in L and a repeated x-coordinate.
     */
    public static Scalar interpolatingValue(List<Identifier> xs, Identifier xi) {
        return lagrangeAt(xs, xi, Scalar.ZERO);
    }

    /**
     * The Lagrange coefficient of x_i for interpolation at {@code x}: the product over x_j != x_i of
     * (x - x_j) / (x_i - x_j). At x = 0 this is derive_interpolating_value.
     */
    public static Scalar lagrangeAt(List<Identifier> xs, Identifier xi, Scalar x) {
        if (!xs.contains(xi)) {
            throw new IllegalArgumentException("invalid parameters: " + xi + " is not in the list");
        }
        if (new HashSet<>(xs).size() != xs.size()) {
            throw new IllegalArgumentException("invalid parameters: repeated identifier");
        }
        Scalar num = Scalar.ONE;
        Scalar den = Scalar.ONE;
        Scalar i = xi.scalar();
        for (Identifier j : xs) {
            if (j.equals(xi)) {
                continue;
            }
            num = num.multiply(x.subtract(j.scalar()));
            den = den.multiply(i.subtract(j.scalar()));
        }
        return num.multiply(den.invert());
    }

    /** polynomial_evaluate(x, coeffs), Appendix C.1, by Horner's method. */
    public static Scalar evaluate(List<Scalar> coeffs, Scalar x) {
        Scalar value = Scalar.ZERO;
        for (int i = coeffs.size() - 1; i >= 0; i--) {
            value = value.multiply(x).add(coeffs.get(i));
        }
        return value;
    }

    /** polynomial_interpolate_constant(points), Appendix C.1: f(0) from points (x, f(x)). */
    public static Scalar interpolateConstant(List<Identifier> xs, List<Scalar> ys) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("as many x as y coordinates needed");
        }
        Scalar f0 = Scalar.ZERO;
        for (int i = 0; i < xs.size(); i++) {
            f0 = f0.add(ys.get(i).multiply(interpolatingValue(xs, xs.get(i))));
        }
        return f0;
    }

    /** vss_commit(coeffs), Appendix C.2: the coefficients times the generator. */
    public static List<Element> commit(List<Scalar> coeffs) {
        return coeffs.stream().map(Element::baseMultiply).toList();
    }

    /**
     * The commitment evaluated at x in the exponent: sum over j of commitment[j] * x^j, i.e.
     * f(x)*B. Horner's method with small public multipliers (variable time; public values only).
     * vss_verify and derive_group_info of Appendix C.2 are this compared with, or taken as, a
     * participant's public key.
     */
    public static Element evaluateCommitment(List<Element> commitment, Identifier x) {
        Element acc = Element.IDENTITY;
        for (int j = commitment.size() - 1; j >= 0; j--) {
            acc = acc.multiplySmall(x.value()).add(commitment.get(j));
        }
        return acc;
    }

    /** vss_verify(share_i, vss_commitment), Appendix C.2: ScalarBaseMult(share) == commitment(i). */
    public static boolean vssVerify(Identifier i, Scalar share, List<Element> commitment) {
        return Element.baseMultiply(share).equals(evaluateCommitment(commitment, i));
    }
}
