package dev.virex.core.decision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the line-oriented {@code key value} texts of VIREX decisions strictly: keys in the order
 * the format fixes, exactly one space after the key, no empty or trailing-space values, nothing
 * after the last expected line.
 */
final class Lines {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String[] lines;
    private int pos;

    Lines(String text, int maxBytes) throws DecisionFormatException {
        if (text.length() > maxBytes) {
            throw new DecisionFormatException("text longer than " + maxBytes + " characters");
        }
        if (!text.endsWith("\n")) {
            throw new DecisionFormatException("text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7f) {
                throw new DecisionFormatException("control character at offset " + i);
            }
        }
        this.lines = text.substring(0, text.length() - 1).split("\n", -1);
    }

    void literal(String expected) throws DecisionFormatException {
        if (pos >= lines.length || !lines[pos].equals(expected)) {
            throw new DecisionFormatException("line " + (pos + 1) + ": expected '" + expected + "'");
        }
        pos++;
    }

    String expect(String key) throws DecisionFormatException {
        return optional(key).orElseThrow(() -> new DecisionFormatException(
                "line " + (pos + 1) + ": expected '" + key + " <value>'"));
    }

    Optional<String> optional(String key) throws DecisionFormatException {
        if (pos >= lines.length || !lines[pos].startsWith(key + " ")) {
            return Optional.empty();
        }
        String value = lines[pos].substring(key.length() + 1);
        if (value.isEmpty() || value.startsWith(" ") || value.endsWith(" ")) {
            throw new DecisionFormatException("line " + (pos + 1) + ": empty value or stray spaces after '" + key + "'");
        }
        pos++;
        return Optional.of(value);
    }

    List<String> repeated(String key, int max) throws DecisionFormatException {
        List<String> out = new ArrayList<>();
        for (Optional<String> v = optional(key); v.isPresent(); v = optional(key)) {
            if (out.size() == max) {
                throw new DecisionFormatException("more than " + max + " '" + key + "' lines");
            }
            out.add(v.get());
        }
        return out;
    }

    void end() throws DecisionFormatException {
        if (pos != lines.length) {
            throw new DecisionFormatException("line " + (pos + 1) + ": unexpected '" + abbreviate(lines[pos]) + "'");
        }
    }

    static Instant time(String value) throws DecisionFormatException {
        try {
            Instant t = Instant.from(TIME.parse(value));
            if (!TIME.format(t).equals(value)) {
                throw new DecisionFormatException("time must be YYYY-MM-DDTHH:MM:SSZ: " + value);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new DecisionFormatException("time must be YYYY-MM-DDTHH:MM:SSZ: " + abbreviate(value));
        }
    }

    static String format(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static long number(String value, long min, long max, String what) throws DecisionFormatException {
        if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')
                || value.length() > 1 && value.charAt(0) == '0') {
            throw new DecisionFormatException(what + " must be a canonical decimal number");
        }
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DecisionFormatException(what + " out of range");
        }
        if (v < min || v > max) {
            throw new DecisionFormatException(what + " must be between " + min + " and " + max);
        }
        return v;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
