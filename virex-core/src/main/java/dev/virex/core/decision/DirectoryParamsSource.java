package dev.virex.core.decision;

import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsFormatException;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Feeds a mixnode the abuse-prevention parameters the federation's log sets (docs/spec/decisions.md,
 * "Parameters"): the {@code abuse.*} keys of the directory's parameter changes, applied in activation
 * order on top of the genesis defaults ({@link NetworkParams#DEFAULTS}). Each activation time gives
 * the whole set in force from then, so the mixnode switches exactly at the activation time. A
 * combination that is not a valid set (a floor above the ceiling, say; members refuse to sign such a
 * change, but two pending changes could still combine into one) is skipped and the previous set
 * stays: the same rule for every reader, so mixnodes and auditors agree.
 */
public final class DirectoryParamsSource implements ParamsSource {
    private final Supplier<Directory> directory;
    private volatile Timeline cached;

    private record Timeline(Directory directory, List<ParamsChange> changes) {}

    /** @param directory the latest directory, e.g. a log follower's fold; never null */
    public DirectoryParamsSource(Supplier<Directory> directory) {
        this.directory = directory;
    }

    @Override
    public ParamsView at(Instant now) {
        List<ParamsChange> changes = timeline().changes();
        int i = 0;
        while (i + 1 < changes.size() && !changes.get(i + 1).activation().isAfter(now)) {
            i++;
        }
        return new ParamsView(changes.get(i), i + 1 < changes.size() ? Optional.of(changes.get(i + 1)) : Optional.empty());
    }

    private Timeline timeline() {
        Directory d = directory.get();
        Timeline t = cached;
        if (t == null || t.directory() != d) {
            t = new Timeline(d, changes(d));
            cached = t;
        }
        return t;
    }

    /** The parameter sets in force over time, first at the federation's genesis. */
    static List<ParamsChange> changes(Directory d) {
        TreeMap<Instant, Map<String, String>> byActivation = new TreeMap<>();
        for (ParamChange c : d.params()) {
            if (c.key().startsWith(NetworkParams.ABUSE)) {
                byActivation.computeIfAbsent(c.activation(), k -> new TreeMap<>()).put(c.key(), c.value());
            }
        }
        List<ParamsChange> out = new ArrayList<>();
        AbuseParams defaults = abuse(NetworkParams.DEFAULTS).orElseThrow();
        out.add(new ParamsChange(d.federation().time(), defaults));
        TreeMap<String, String> values = new TreeMap<>(NetworkParams.DEFAULTS);
        for (var e : byActivation.entrySet()) {
            TreeMap<String, String> next = new TreeMap<>(values);
            next.putAll(e.getValue());
            Optional<AbuseParams> p = abuse(next);
            if (p.isPresent()) {
                values = next;
                ParamsChange last = out.get(out.size() - 1);
                if (p.get().equals(last.params())) {
                    continue;
                }
                if (e.getKey().isAfter(last.activation())) {
                    out.add(new ParamsChange(e.getKey(), p.get()));
                } else {
                    out.set(out.size() - 1, new ParamsChange(last.activation(), p.get())); // active from genesis on
                }
            }
        }
        return List.copyOf(out);
    }

    private static Optional<AbuseParams> abuse(Map<String, String> values) {
        try {
            return Optional.of(NetworkParams.of(values).abuse());
        } catch (DecisionFormatException e) {
            return Optional.empty();
        }
    }

    /** For callers that must name the failure: the set {@code values} give, or why it is not valid. */
    public static AbuseParams require(Map<String, String> values) throws ParamsFormatException {
        try {
            return NetworkParams.of(values).abuse();
        } catch (DecisionFormatException e) {
            throw new ParamsFormatException(e.getMessage());
        }
    }
}
