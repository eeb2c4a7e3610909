package dev.virex.core.decision;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The federation changes network parameters (PoW effort bounds, rate limits, approved software,
 * node requirements, operator caps), effective at {@code activation}. Parameters not named keep
 * their value. Lines {@code param <key> <value>}, keys sorted and unique; the known keys and their
 * value formats are listed in docs/spec/decisions.md.
 */
public record ParamsChanged(Header header, Instant activation, SortedMap<String, String> params) implements Decision {
    public static final int MAX_PARAMS = 64;
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    static final Pattern VALUE = Pattern.compile("[!-~]{1,512}");

    public ParamsChanged {
        Decisions.requireKind(header, DecisionKind.PARAMS_CHANGED);
        if (activation.getNano() != 0) {
            throw new IllegalArgumentException("activation time must be whole seconds");
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        if (params.isEmpty() || params.size() > MAX_PARAMS) {
            throw new IllegalArgumentException("a parameter change names 1 to " + MAX_PARAMS + " parameters");
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches() || !VALUE.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("parameter '" + Lines.abbreviate(e.getKey())
                        + "': keys are [a-z0-9.-], values printable ASCII without spaces");
            }
        }
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(512);
        header.write(sb);
        sb.append("activation ").append(Lines.format(activation)).append('\n');
        params.forEach((k, v) -> sb.append("param ").append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    static ParamsChanged read(Header h, Lines in) throws DecisionFormatException {
        Instant activation = Lines.time(in.expect("activation"));
        TreeMap<String, String> params = new TreeMap<>();
        String last = null;
        for (String line : in.repeated("param", MAX_PARAMS)) {
            int sp = line.indexOf(' ');
            if (sp < 0) {
                throw new DecisionFormatException("param line must be 'param <key> <value>'");
            }
            String key = line.substring(0, sp);
            if (last != null && key.compareTo(last) <= 0) {
                throw new DecisionFormatException("param keys must be sorted and unique ('" + key + "' after '" + last + "')");
            }
            params.put(key, line.substring(sp + 1));
            last = key;
        }
        in.end();
        return Decisions.build(() -> new ParamsChanged(h, activation, params));
    }
}
