package dev.virex.federation.wire;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.virex.core.Bytes;
import dev.virex.federation.config.Roster;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Admits envelopes for one member: signed by a federation member's identity key, addressed to
 * this member, of the kind the endpoint serves, with a time within the window of this member's
 * clock, and not seen before (SHA-256 of the envelope bytes, remembered for twice the window so
 * that an envelope cannot be replayed while its time is still acceptable).
 */
public final class EnvelopeGate {
    private final Roster roster;
    private final String self;
    private final Clock clock;
    private final Duration window;
    private final Cache<Bytes, Boolean> seen;

    public EnvelopeGate(Roster roster, String self, Clock clock, Duration window) {
        this.roster = roster;
        this.self = self;
        this.clock = clock;
        this.window = window;
        this.seen = Caffeine.newBuilder().expireAfterWrite(window.multipliedBy(2)).maximumSize(1_000_000).build();
    }

    /** Admits an envelope of {@code kind}; {@code fromSelf} requires this member as the sender (admin requests). */
    public Envelope admit(byte[] body, String kind, boolean fromSelf) throws EnvelopeException {
        Envelope e = Envelope.open(body, roster::identity);
        if (!e.to().equals(self)) {
            throw new EnvelopeException(EnvelopeException.Kind.NOT_FOR_ME, "envelope is addressed to " + e.to() + ", not " + self);
        }
        if (fromSelf && !e.from().equals(self)) {
            throw new EnvelopeException(EnvelopeException.Kind.UNKNOWN_SENDER, "admin requests must be signed by this member's own key");
        }
        if (!e.kind().equals(kind)) {
            throw new EnvelopeException(EnvelopeException.Kind.MALFORMED, "envelope kind " + e.kind() + " sent to the " + kind + " endpoint");
        }
        Instant now = clock.instant();
        if (e.time().isBefore(now.minus(window)) || e.time().isAfter(now.plus(window))) {
            throw new EnvelopeException(EnvelopeException.Kind.NOT_FOR_ME, "envelope time is more than " + window.toSeconds()
                    + " s from this member's clock");
        }
        if (seen.asMap().putIfAbsent(sha256(body), Boolean.TRUE) != null) {
            throw new EnvelopeException(EnvelopeException.Kind.REPLAY, "envelope already received");
        }
        return e;
    }

    static Bytes sha256(byte[] b) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
