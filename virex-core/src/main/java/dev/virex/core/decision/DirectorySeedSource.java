package dev.virex.core.decision;

import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Feeds a mixnode the PoW seeds of the federation's epoch beacons as folded into the directory
 * (one derivation, {@link EpochBeacon#seed}): the epoch in force as current and the one before as
 * previous. A beacon for an epoch that has not started yet waits; when no newer beacon has come,
 * the current epoch is stretched by whole epochs (at most a year) so that clients are not refused
 * while the federation is late; before the log has any epoch in force, {@code fallback} answers.
 */
public final class DirectorySeedSource implements EpochSeedSource {
    static final Duration MAX_STRETCH = Duration.ofDays(366);

    private final Supplier<Optional<Directory>> directory;
    private final EpochSeedSource fallback;

    public DirectorySeedSource(Supplier<Optional<Directory>> directory, EpochSeedSource fallback) {
        this.directory = directory;
        this.fallback = fallback;
    }

    /** Whether {@link #at} answers from the log (true) or from the fallback (false) at {@code now}. */
    public boolean fromLog(Instant now) {
        return current(now).isPresent();
    }

    @Override
    public EpochSeeds at(Instant now) {
        Optional<EpochInfo> current = current(now);
        if (current.isEmpty()) {
            return fallback.at(now);
        }
        EpochSeed cur = seed(current.get(), now);
        Optional<EpochInfo> previous = directory.get().flatMap(Directory::previousEpoch)
                .filter(p -> p.epoch() < cur.epoch() && !p.equals(current.get()));
        return new EpochSeeds(cur, previous.map(p -> seed(p, p.start())));
    }

    private Optional<EpochInfo> current(Instant now) {
        Optional<Directory> d = directory.get();
        Optional<EpochInfo> current = d.flatMap(Directory::epoch);
        if (current.isPresent() && now.isBefore(current.get().start())) {
            current = d.flatMap(Directory::previousEpoch); // the newest beacon opens an epoch not started yet
        }
        return current.filter(e -> !now.isBefore(e.start()));
    }

    /** The epoch's seed, its length stretched by whole epochs while no newer beacon has come. */
    static EpochSeed seed(EpochInfo e, Instant now) {
        Duration length = e.length();
        if (!now.isBefore(e.end())) {
            long n = Duration.between(e.start(), now).toSeconds() / e.length().toSeconds() + 1;
            length = e.length().multipliedBy(n);
            if (length.compareTo(MAX_STRETCH) > 0) {
                length = MAX_STRETCH;
            }
        }
        return new EpochSeed(e.epoch(), e.seed(), e.start(), length);
    }
}
