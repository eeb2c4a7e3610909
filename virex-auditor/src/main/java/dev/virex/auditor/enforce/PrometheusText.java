package dev.virex.auditor.enforce;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the samples of a Prometheus text exposition (format 0.0.4): {@code # } comment lines and
 * blank lines are skipped; every other line must be {@code name[{labels}] value [timestamp]}. The
 * series key is the name with its label block exactly as written. Implementation limits:
 * {@link #MAX_BYTES} of text, {@link #MAX_SAMPLES} samples, label blocks up to 1,024 characters;
 * anything else is refused.
 */
public record PrometheusText(Map<String, Double> samples) {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_SAMPLES = 10_000;
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]{0,199})(\\{[^{}\\n]{0,1024}\\})?[ \\t]+([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]{1,3})?|Inf|NaN))"
                    + "(?:[ \\t]+-?[0-9]{1,19})?[ \\t]*");

    public PrometheusText {
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    public static PrometheusText parse(byte[] text) throws MetricsFormatException {
        if (text.length > MAX_BYTES) {
            throw new MetricsFormatException("metrics text longer than " + MAX_BYTES + " bytes");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n", -1)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new MetricsFormatException("metrics line " + lineNo + " is not a sample");
            }
            if (out.size() == MAX_SAMPLES) {
                throw new MetricsFormatException("more than " + MAX_SAMPLES + " samples");
            }
            String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            String v = m.group(3);
            double value = v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : v.endsWith("NaN") ? Double.NaN : Double.parseDouble(v);
            if (out.put(key, value) != null) {
                throw new MetricsFormatException("series " + clip(key) + " appears twice");
            }
        }
        return new PrometheusText(out);
    }

    /** The value of an unlabelled series. */
    public Optional<Double> value(String name) {
        return Optional.ofNullable(samples.get(name));
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
