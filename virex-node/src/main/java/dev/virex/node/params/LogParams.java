package dev.virex.node.params;

import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.decision.ParamChange;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsFormatException;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse-prevention parameters and PoW seeds as the federation's log sets them
 * (docs/spec/nodes.md, "Parameters from the log"): the one place that maps the directory to the
 * mixnode's {@link ParamsSource} and {@link EpochSeedSource}.
 *
 * <p>Parameters: directory keys {@code abuse.<name>}, {@code <name>} being a line of
 * {@link AbuseParams#encode()} (e.g. {@code abuse.effort-floor}); a key never set keeps the
 * configured base value. Each distinct activation time gives the whole set in force from then; a
 * combination that is not valid (e.g. a floor above the ceiling) is skipped with a warning and the
 * previous set stays. Seeds: the directory's current and previous epoch seeds (derived from the
 * beacons' group signatures); a late beacon stretches the current epoch until it arrives; before
 * the log has any epoch the {@code fallback} source is used.
 */
public final class LogParams {
    private static final Logger log = LoggerFactory.getLogger(LogParams.class);
    public static final String PREFIX = "abuse.";
    static final Duration MAX_STRETCH = Duration.ofDays(366);

    private final Supplier<Optional<Directory>> directory;
    private final AbuseParams base;
    private final EpochSeedSource fallback;
    private volatile Timeline cached;
    private volatile boolean warnedFallback;

    private record Timeline(Directory directory, List<ParamsChange> changes) {}

    public LogParams(Supplier<Optional<Directory>> directory, AbuseParams base, EpochSeedSource fallback) {
        this.directory = directory;
        this.base = base;
        this.fallback = fallback;
    }

    public ParamsSource params() {
        return this::paramsAt;
    }

    public EpochSeedSource seeds() {
        return this::seedsAt;
    }

    ParamsView paramsAt(Instant now) {
        List<ParamsChange> changes = timeline().changes();
        int i = 0;
        while (i + 1 < changes.size() && !changes.get(i + 1).activation().isAfter(now)) {
            i++;
        }
        return new ParamsView(changes.get(i), i + 1 < changes.size() ? Optional.of(changes.get(i + 1)) : Optional.empty());
    }

    private Timeline timeline() {
        Optional<Directory> d = directory.get();
        Timeline t = cached;
        if (t != null && d.isPresent() && t.directory() == d.get()) {
            return t;
        }
        if (d.isEmpty()) {
            return new Timeline(null, List.of(new ParamsChange(Instant.EPOCH, base)));
        }
        t = new Timeline(d.get(), changes(d.get()));
        cached = t;
        return t;
    }

    private List<ParamsChange> changes(Directory d) {
        TreeMap<Instant, Map<String, String>> byActivation = new TreeMap<>();
        for (ParamChange c : d.params()) {
            if (c.key().startsWith(PREFIX)) {
                byActivation.computeIfAbsent(c.activation(), k -> new TreeMap<>()).put(c.key().substring(PREFIX.length()), c.value());
            }
        }
        List<ParamsChange> out = new ArrayList<>();
        out.add(new ParamsChange(Instant.EPOCH, base));
        TreeMap<String, String> values = new TreeMap<>();
        for (var e : byActivation.entrySet()) {
            values.putAll(e.getValue());
            try {
                AbuseParams p = AbuseParams.parse(apply(values));
                if (!p.equals(out.get(out.size() - 1).params())) {
                    out.add(new ParamsChange(e.getKey(), p));
                }
            } catch (ParamsFormatException ex) {
                log.warn("logged abuse parameters activating at {} are not a valid set, keeping the previous ones: {}",
                        e.getKey(), ex.getMessage());
            }
        }
        return out;
    }

    /** The base parameter text with every line named in {@code values} replaced. */
    private String apply(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (String line : base.encode().split("\n")) {
            String name = line.substring(0, line.indexOf(' '));
            sb.append(name).append(' ').append(values.getOrDefault(name, line.substring(name.length() + 1))).append('\n');
        }
        return sb.toString();
    }

    EpochSeeds seedsAt(Instant now) {
        Optional<Directory> d = directory.get();
        Optional<EpochInfo> current = d.flatMap(Directory::epoch);
        Optional<EpochInfo> previous = d.flatMap(Directory::previousEpoch);
        if (current.isPresent() && now.isBefore(current.get().start()) && previous.isPresent()) {
            current = previous; // the newest beacon opens an epoch that has not started yet
            previous = Optional.empty();
        }
        if (current.isEmpty() || now.isBefore(current.get().start())) {
            if (!warnedFallback) {
                warnedFallback = true;
                log.warn("the log has no epoch beacon in force yet; using local PoW seeds until it has");
            }
            return fallback.at(now);
        }
        warnedFallback = false;
        EpochSeed cur = seed(current.get(), now);
        Optional<EpochSeed> prev = previous.filter(p -> p.epoch() < cur.epoch()).map(p -> seed(p, p.start()));
        return new EpochSeeds(cur, prev);
    }

    /** The epoch's seed, its length stretched by whole epochs while no newer beacon has come. */
    private static EpochSeed seed(EpochInfo e, Instant now) {
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
