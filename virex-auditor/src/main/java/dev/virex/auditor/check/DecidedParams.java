package dev.virex.auditor.check;

import dev.virex.core.decision.Directory;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsFormatException;
import java.time.Instant;
import java.util.Map;

/**
 * The abuse-prevention parameters the log says are in force at a time: the federation's
 * {@code params-changed} decisions use the keys of the parameter text (docs/spec/pow.md:
 * {@code pow-algorithm}, {@code effort-floor}, ..., {@code cover-rate-per-minute}); a key never
 * decided keeps its default value ({@link AbuseParams#defaults()}).
 */
public final class DecidedParams {
    static final String[] KEYS = {"pow-algorithm", "effort-floor", "effort-ceiling", "rate-per-minute", "rate-burst",
        "backoff-base-ms", "backoff-cap-ms", "cover-rate-per-minute"};

    private DecidedParams() {}

    /**
     * @throws ParamsFormatException if the decided values do not form a valid parameter set (the
     *     auditor reports that as a finding of the decision that made it so)
     */
    public static AbuseParams at(Directory d, Instant t) throws ParamsFormatException {
        return of(d.paramsAt(t));
    }

    public static AbuseParams of(Map<String, String> decided) throws ParamsFormatException {
        String[] defaults = AbuseParams.defaults().encode().split("\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < KEYS.length; i++) {
            String v = decided.get(KEYS[i]);
            text.append(v == null ? defaults[i] : KEYS[i] + " " + v).append('\n');
        }
        return AbuseParams.parse(text.toString());
    }
}
