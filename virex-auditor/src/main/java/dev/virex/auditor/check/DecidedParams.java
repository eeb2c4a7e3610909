package dev.virex.auditor.check;

import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsFormatException;
import java.time.Instant;
import java.util.Map;

/**
 * The abuse-prevention parameters the log says are in force at a time, read exactly as the
 * federation writes them and mixnodes apply them: {@link NetworkParams} ({@code abuse.*} keys,
 * defaults for keys never decided; docs/spec/decisions.md, "Parameters").
 */
public final class DecidedParams {
    private DecidedParams() {}

    /**
     * @throws ParamsFormatException if the decided values do not form a valid parameter set (the
     *     auditor reports that as a finding of the decision that made it so)
     */
    public static AbuseParams at(Directory d, Instant t) throws ParamsFormatException {
        return of(d.paramsAt(t));
    }

    public static AbuseParams of(Map<String, String> decided) throws ParamsFormatException {
        try {
            return NetworkParams.of(decided).abuse();
        } catch (DecisionFormatException e) {
            throw new ParamsFormatException(e.getMessage());
        }
    }

    /** The value a key has before any decision sets it (the genesis default), if the key is known. */
    static java.util.Optional<String> defaultValue(String key) {
        return java.util.Optional.ofNullable(NetworkParams.DEFAULTS.get(key));
    }
}
