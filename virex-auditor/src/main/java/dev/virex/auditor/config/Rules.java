package dev.virex.auditor.config;

import java.util.Optional;

/**
 * Suspicious-onboarding rules over the decision stream (warnings for people to look at): more than
 * N joins from one operator, one subnet (/24, /48) or one region within a window; more than N
 * approvals by the same set of members within a window; declared bandwidth outside a plausible
 * range; software older than a minimum version; re-joins of removed node keys or operators.
 */
public record Rules(Optional<Window> operatorJoins, Optional<Window> subnetJoins, Optional<Window> regionJoins,
                    Optional<Window> approverBurst, long bandwidthMin, long bandwidthMax, Optional<String> softwareMin,
                    boolean rejoin) {
    public Rules {
        if (bandwidthMin < 1 || bandwidthMax < bandwidthMin) {
            throw new IllegalArgumentException("need 1 <= bandwidth minimum <= maximum");
        }
        if (softwareMin.isPresent() && !softwareMin.get().matches("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}")) {
            throw new IllegalArgumentException("software-min must be a version like 1.4.0");
        }
    }

    /** Defaults: 5 joins per operator, 3 per subnet, 50 per region, 20 approvals by one member set, per hour; 10 Mbit/s to 100 Gbit/s. */
    public static Rules defaults() {
        java.time.Duration hour = java.time.Duration.ofHours(1);
        return new Rules(Optional.of(new Window(5, hour)), Optional.of(new Window(3, hour)), Optional.of(new Window(50, hour)),
                Optional.of(new Window(20, hour)), 10, 100_000, Optional.empty(), true);
    }
}
