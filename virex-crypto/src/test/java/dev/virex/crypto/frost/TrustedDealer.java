package dev.virex.crypto.frost;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Trusted-dealer key generation, RFC 9591 Appendix C, for tests only: one party knows the group
 * secret, which is exactly what VIREX's DKG avoids.
 */
final class TrustedDealer {
    record Dealt(Scalar groupSecret, List<Scalar> shares, List<Element> vssCommitment) {
        Element groupKey() {
            return vssCommitment.get(0);
        }

        Scalar share(int id) {
            return shares.get(id - 1);
        }
    }

    private TrustedDealer() {}

    /** trusted_dealer_keygen with the coefficients given (the test vectors list them). */
    static Dealt keygen(Scalar secret, List<Scalar> coefficients, int maxParticipants) {
        List<Scalar> coeffs = new ArrayList<>();
        coeffs.add(secret);
        coeffs.addAll(coefficients);
        // secret_share_shard, Appendix C.1
        List<Scalar> shares = new ArrayList<>();
        for (int x = 1; x <= maxParticipants; x++) {
            shares.add(Polynomials.evaluate(coeffs, Scalar.of(x)));
        }
        return new Dealt(secret, shares, Polynomials.commit(coeffs));
    }

    static Dealt keygen(int minParticipants, int maxParticipants, SecureRandom random) {
        List<Scalar> coefficients = new ArrayList<>();
        for (int i = 0; i < minParticipants - 1; i++) {
            coefficients.add(Scalar.random(random));
        }
        return keygen(Scalar.random(random), coefficients, maxParticipants);
    }
}
