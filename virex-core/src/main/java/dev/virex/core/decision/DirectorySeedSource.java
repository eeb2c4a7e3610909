package dev.virex.core.decision;

import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Feeds a mixnode the PoW seeds of the federation's epoch beacons as folded into the directory:
 * the latest epoch's seed as current and the one before as previous. The seeds are exactly those
 * of {@link EpochSeed#fromBeaconSignature} (one derivation, {@link EpochBeacon#seed}).
 */
public final class DirectorySeedSource implements EpochSeedSource {
    private final Supplier<Directory> directory;

    public DirectorySeedSource(Supplier<Directory> directory) {
        this.directory = directory;
    }

    /** @throws IllegalStateException before the federation's first epoch beacon */
    @Override
    public EpochSeeds at(Instant now) {
        Directory d = directory.get();
        EpochInfo current = d.epoch().orElseThrow(() -> new IllegalStateException("the directory has no epoch beacon yet"));
        Optional<EpochSeed> previous = d.previousEpoch().map(DirectorySeedSource::seed);
        return new EpochSeeds(seed(current), previous);
    }

    static EpochSeed seed(EpochInfo e) {
        return new EpochSeed(e.epoch(), e.seed(), e.start(), e.length());
    }
}
