package dev.virex.core.pow;

import java.time.Instant;

/**
 * Where a mixnode gets its PoW seeds: the federation's epoch beacons in the log when they exist,
 * {@link LocalEpochBeacon} until then.
 */
@FunctionalInterface
public interface EpochSeedSource {
    /** The current and previous seeds at {@code now}. */
    EpochSeeds at(Instant now);
}
