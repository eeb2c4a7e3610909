package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.security.SecureRandom;

/**
 * Names one signing attempt (or one DKG): 32 random bytes chosen by whoever starts it. Every round
 * message carries it, so that messages of one session are refused in another.
 */
public record SessionId(Bytes value) {
    public static final int BYTES = 32;

    public SessionId {
        if (value.length() != BYTES) {
            throw new IllegalArgumentException("a session ID is " + BYTES + " bytes");
        }
    }

    public static SessionId random(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new SessionId(Bytes.wrap(b));
    }

    static SessionId parse(TextReader r, String field) throws FrostException {
        return new SessionId(r.base64(field, BYTES, "session"));
    }

    @Override
    public String toString() {
        return value.toBase64();
    }
}
