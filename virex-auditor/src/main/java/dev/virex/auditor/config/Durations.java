package dev.virex.auditor.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in the configuration: a whole number of seconds, minutes, hours or days ({@code 90s}, {@code 1h}). */
final class Durations {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    private Durations() {}

    static Duration parse(String s) throws AuditorConfigException {
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new AuditorConfigException("'" + s + "' is not a duration like 30s, 5m, 1h or 2d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest form: the largest unit that divides the duration. */
    static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
