package dev.virex.core;

import java.util.Base64;
import java.util.Optional;

/** Strict standard base64 (RFC 4648 section 4): padded, and canonical (no stray trailing bits). */
public final class Base64s {
    private Base64s() {}

    /**
     * Decodes {@code text} only if it is the canonical padded encoding of some bytes, so that one
     * value has exactly one textual form.
     */
    public static Optional<byte[]> decodeCanonical(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) {
            return Optional.empty();
        }
        byte[] out;
        try {
            out = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Base64.getEncoder().encodeToString(out).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    public static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }
}
