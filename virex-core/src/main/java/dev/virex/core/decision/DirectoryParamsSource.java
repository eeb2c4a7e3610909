package dev.virex.core.decision;

import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Feeds a mixnode the abuse-prevention parameters from the federation's directory
 * ({@link Directory#paramsAt} and {@link Directory#pendingAt}): the {@code abuse.*} values in force
 * and the next scheduled change of any of them, so that the mixnode switches exactly at its
 * activation time. A directory whose values do not form valid parameters (the federation's
 * members refuse to sign such a change) leaves the last valid view in force.
 */
public final class DirectoryParamsSource implements ParamsSource {
    private final Supplier<Directory> directory;
    private volatile ParamsView lastGood;

    /** @param directory the latest directory, e.g. a log follower's fold; never null */
    public DirectoryParamsSource(Supplier<Directory> directory) {
        this.directory = directory;
    }

    @Override
    public ParamsView at(Instant now) {
        Directory d = directory.get();
        try {
            Instant since = d.params().stream()
                    .filter(c -> c.key().startsWith(NetworkParams.ABUSE) && !c.activation().isAfter(now))
                    .map(ParamChange::activation).max(Comparator.naturalOrder())
                    .orElse(d.federation().time());
            ParamsChange inForce = new ParamsChange(since, abuseAt(d, now));
            Optional<Instant> next = d.pendingAt(now).stream().filter(c -> c.key().startsWith(NetworkParams.ABUSE))
                    .map(ParamChange::activation).min(Comparator.naturalOrder());
            Optional<ParamsChange> nextChange = next.isPresent()
                    ? Optional.of(new ParamsChange(next.get(), abuseAt(d, next.get()))) : Optional.empty();
            ParamsView v = new ParamsView(inForce, nextChange);
            lastGood = v;
            return v;
        } catch (DecisionFormatException | IllegalArgumentException e) {
            ParamsView v = lastGood;
            if (v == null) {
                return new ParamsView(new ParamsChange(d.federation().time(), AbuseParams.defaults()), Optional.empty());
            }
            return v;
        }
    }

    private static AbuseParams abuseAt(Directory d, Instant t) throws DecisionFormatException {
        return NetworkParams.of(d.paramsAt(t)).abuse();
    }
}
