package dev.virex.crypto.frost;

import java.util.Objects;

/** A participant's signature share of round two, RFC 9591 section 5.2: (identifier, sig_share). */
public record SignatureShare(Identifier id, Scalar share) {
    public SignatureShare {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(share, "share");
    }
}
