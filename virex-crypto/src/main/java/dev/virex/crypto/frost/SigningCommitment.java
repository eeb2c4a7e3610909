package dev.virex.crypto.frost;

import java.util.Objects;

/**
 * A participant's public commitment of round one, RFC 9591 section 5.1: (identifier,
 * hiding_nonce_commitment, binding_nonce_commitment).
 */
public record SigningCommitment(Identifier id, Element hiding, Element binding) implements Comparable<SigningCommitment> {
    public SigningCommitment {
        Objects.requireNonNull(id, "id");
        if (hiding.isIdentity() || binding.isIdentity()) {
            throw new IllegalArgumentException("a nonce commitment cannot be the identity");
        }
    }

    /** The entry of encode_group_commitment_list, RFC 9591 section 4.3. */
    byte[] encode() {
        byte[] out = new byte[Scalar.BYTES + 2 * Element.BYTES];
        id.serialize().copyTo(out, 0);
        hiding.serialize().copyTo(out, Scalar.BYTES);
        binding.serialize().copyTo(out, Scalar.BYTES + Element.BYTES);
        return out;
    }

    @Override
    public int compareTo(SigningCommitment o) {
        return id.compareTo(o.id);
    }
}
