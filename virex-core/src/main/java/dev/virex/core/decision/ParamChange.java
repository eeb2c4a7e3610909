package dev.virex.core.decision;

import java.time.Instant;

/** One parameter value with the time it takes effect. */
public record ParamChange(String key, Instant activation, String value) implements Comparable<ParamChange> {
    public ParamChange {
        if (!ParamsChanged.KEY.matcher(key).matches() || !ParamsChanged.VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid parameter " + Lines.abbreviate(key));
        }
    }

    @Override
    public int compareTo(ParamChange o) {
        int c = key.compareTo(o.key);
        return c != 0 ? c : activation.compareTo(o.activation);
    }

    String line() {
        return Lines.format(activation) + " " + key + " " + value;
    }

    static ParamChange parse(String line) throws DecisionFormatException {
        String[] f = line.split(" ", -1);
        if (f.length != 3) {
            throw new DecisionFormatException("param-change line must be '<activation> <key> <value>'");
        }
        Instant at = Lines.time(f[0]);
        return Decisions.build(() -> new ParamChange(f[1], at, f[2]));
    }
}
