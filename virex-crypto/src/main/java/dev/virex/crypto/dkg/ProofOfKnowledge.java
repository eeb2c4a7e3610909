package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.Ciphersuite;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Scalar;
import java.security.SecureRandom;

/**
 * The Schnorr proof of knowledge of a dealer's constant term a_0 in round one of the FROST paper's
 * DKG (Komlo and Goldberg, Figure 1, round 1, steps 2 and 5): with k random, R = k*B,
 * c = H(Phi, i, phi_0, R) and mu = k + a_0 * c; valid iff R == mu*B - c*phi_0. Phi is the DKG ID;
 * H is SHA-512(contextString || "dkg-pok" || ...) reduced modulo L. It stops a member from
 * choosing its commitment after seeing the others' (rogue-key attacks).
 */
final class ProofOfKnowledge {
    record Proof(Element r, Scalar mu) {}

    private ProofOfKnowledge() {}

    static Proof prove(Bytes dkgId, Identifier member, Scalar a0, Element phi0, SecureRandom random) {
        Scalar k = Scalar.random(random);
        Element r = Element.baseMultiply(k);
        Scalar c = challenge(dkgId, member, phi0, r);
        return new Proof(r, k.add(a0.multiply(c)));
    }

    /** Figure 1, round 1, step 5: R == mu*B - c*phi_0. */
    static boolean verify(Bytes dkgId, Identifier member, Element phi0, Proof proof) {
        Scalar c = challenge(dkgId, member, phi0, proof.r());
        return Element.baseMultiply(proof.mu()).subtract(phi0.multiply(c)).equals(proof.r());
    }

    private static Scalar challenge(Bytes dkgId, Identifier member, Element phi0, Element r) {
        return Ciphersuite.hashToScalar("dkg-pok", dkgId.toArray(), member.serialize().toArray(),
                phi0.serialize().toArray(), r.serialize().toArray());
    }
}
