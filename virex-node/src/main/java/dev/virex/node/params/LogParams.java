package dev.virex.node.params;

import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryParamsSource;
import dev.virex.core.decision.DirectorySeedSource;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's abuse-prevention parameters and PoW seeds (docs/spec/nodes.md, "Parameters from the
 * log"): the federation's log through {@link DirectoryParamsSource} and {@link DirectorySeedSource}
 * once the node has a directory, the configured base parameters and local seeds before.
 */
public final class LogParams {
    private static final Logger log = LoggerFactory.getLogger(LogParams.class);

    private final Supplier<Optional<Directory>> directory;
    private final AbuseParams base;
    private final DirectoryParamsSource fromLog;
    private final DirectorySeedSource seeds;
    private volatile boolean warnedFallback;

    public LogParams(Supplier<Optional<Directory>> directory, AbuseParams base, EpochSeedSource fallback) {
        this.directory = directory;
        this.base = base;
        this.fromLog = new DirectoryParamsSource(() -> directory.get().orElseThrow());
        this.seeds = new DirectorySeedSource(directory, fallback);
    }

    public ParamsSource params() {
        return now -> directory.get().isPresent()
                ? fromLog.at(now)
                : new ParamsView(new ParamsChange(Instant.EPOCH, base), Optional.empty());
    }

    public EpochSeedSource seeds() {
        return this::seedsAt;
    }

    private EpochSeeds seedsAt(Instant now) {
        boolean logged = seeds.fromLog(now);
        if (!logged && !warnedFallback) {
            log.warn("the log has no epoch beacon in force yet; using local PoW seeds until it has");
        }
        warnedFallback = !logged;
        return seeds.at(now);
    }
}
