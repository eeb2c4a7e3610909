package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import java.security.SecureRandom;

/**
 * A participant's secret nonce pair of round one and its public commitment (RFC 9591 section 5.1,
 * commit). Nonces must be used in at most one signing: {@link NonceStore} hands each pair out once.
 * The nonces are reachable only with {@link SecretAccess}.
 */
public final class SigningNonces {
    private final Scalar hiding;
    private final Scalar binding;
    private final SigningCommitment commitment;

    private SigningNonces(Identifier id, Scalar hiding, Scalar binding) {
        this.hiding = hiding;
        this.binding = binding;
        this.commitment = new SigningCommitment(id, Element.baseMultiply(hiding), Element.baseMultiply(binding));
    }

    /** commit(secret_key_i), RFC 9591 section 5.1: two hedged nonces (section 4.1) and their commitments. */
    public static SigningNonces commit(Identifier id, Scalar secretShare, SecureRandom random) {
        return new SigningNonces(id, Ciphersuite.nonceGenerate(secretShare, random), Ciphersuite.nonceGenerate(secretShare, random));
    }

    /** Nonces given outright, e.g. the RFC's test vectors; never for real signing. */
    public static SigningNonces of(Identifier id, Scalar hiding, Scalar binding, SecretAccess access) {
        requireAccess(access);
        return new SigningNonces(id, hiding, binding);
    }

    public SigningCommitment commitment() {
        return commitment;
    }

    public Scalar hiding(SecretAccess access) {
        requireAccess(access);
        return hiding;
    }

    public Scalar binding(SecretAccess access) {
        requireAccess(access);
        return binding;
    }

    private static void requireAccess(SecretAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("secret access required");
        }
    }

    @Override
    public String toString() {
        return "SigningNonces[member " + commitment.id() + "]";
    }
}
