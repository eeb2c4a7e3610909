package dev.virex.core.pow;

import java.util.Optional;

/** The seeds a mixnode accepts at one instant: the current epoch's and the previous one's. */
public record EpochSeeds(EpochSeed current, Optional<EpochSeed> previous) {
    public EpochSeeds {
        if (previous.isPresent() && previous.get().epoch() >= current.epoch()) {
            throw new IllegalArgumentException("the previous seed must belong to an earlier epoch");
        }
    }

    /** The accepted seed whose head is {@code head}, if any. */
    public Optional<EpochSeed> byHead(long head) {
        if (current.head() == head) {
            return Optional.of(current);
        }
        return previous.filter(p -> p.head() == head);
    }
}
