package dev.virex.core.pow;

import java.time.Instant;
import java.util.Optional;

/**
 * What a mixnode needs to know about the parameters at one instant: the change in force and the
 * next scheduled one, if any (so that clients can be told, and a mixnode switches exactly at its
 * activation time).
 */
public record ParamsView(ParamsChange inForce, Optional<ParamsChange> next) {
    public ParamsView {
        if (next.isPresent() && !next.get().activation().isAfter(inForce.activation())) {
            throw new IllegalArgumentException("the next change must activate after the one in force");
        }
    }

    public AbuseParams params() {
        return inForce.params();
    }

    /** Whether {@code t} is still covered by this view (before the next activation). */
    public boolean covers(Instant t) {
        return !t.isBefore(inForce.activation()) && next.map(n -> t.isBefore(n.activation())).orElse(true);
    }
}
