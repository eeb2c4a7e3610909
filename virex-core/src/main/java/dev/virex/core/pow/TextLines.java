package dev.virex.core.pow;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Strict reading of the line-oriented {@code key value} texts of this package: ASCII printable
 * lines ending in a newline, one space between key and value, canonical decimals and instants.
 * Every failure becomes the caller's one format exception through {@code fail}.
 */
final class TextLines<E extends Exception> {
    private final List<String> lines;
    private final Function<String, E> fail;
    private int next;

    private TextLines(List<String> lines, Function<String, E> fail) {
        this.lines = lines;
        this.fail = fail;
    }

    /** Splits {@code text} into lines; the text must be printable ASCII ending in a newline. */
    static <E extends Exception> TextLines<E> of(String text, int maxBytes, Function<String, E> fail) throws E {
        if (text.length() > maxBytes) {
            throw fail.apply("text longer than " + maxBytes + " bytes");
        }
        if (!text.endsWith("\n")) {
            throw fail.apply("text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\n') {
                throw fail.apply("text must be printable ASCII (offset " + i + ")");
            }
        }
        return new TextLines<>(List.of(text.substring(0, text.length() - 1).split("\n", -1)), fail);
    }

    /** Decodes strict UTF-8 (the formats are ASCII, so anything else fails later anyway). */
    static <E extends Exception> String utf8(byte[] data, Function<String, E> fail) throws E {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw fail.apply("text is not valid UTF-8");
        }
    }

    boolean hasNext() {
        return next < lines.size();
    }

    /** The next line, which must be exactly {@code expected}. */
    void expect(String expected) throws E {
        String line = line();
        if (!line.equals(expected)) {
            throw fail.apply("expected line '" + expected + "', got '" + clip(line) + "'");
        }
    }

    /** The value of the next line, which must read {@code key value}. */
    String value(String key) throws E {
        String line = line();
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw fail.apply("expected '" + key + " <value>', got '" + clip(line) + "'");
        }
        String v = line.substring(key.length() + 1);
        if (v.contains(" ")) {
            throw fail.apply("'" + key + "' takes one value without spaces");
        }
        return v;
    }

    /** A canonical decimal in [min, max] as the value of {@code key}. */
    long number(String key, long min, long max) throws E {
        return decimal(value(key), key, min, max);
    }

    Instant instant(String key) throws E {
        return instant(value(key), key);
    }

    void end() throws E {
        if (hasNext()) {
            throw fail.apply("unexpected line '" + clip(lines.get(next)) + "'");
        }
    }

    private String line() throws E {
        if (!hasNext()) {
            throw fail.apply("text ends early");
        }
        return lines.get(next++);
    }

    /** ASCII decimal without sign or leading zeros ("0" alone is allowed), within [min, max]. */
    long decimal(String s, String what, long min, long max) throws E {
        if (s.isEmpty() || s.length() > 19 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw fail.apply(what + " must be a canonical decimal number");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw fail.apply(what + " must be a canonical decimal number");
            }
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fail.apply(what + " is out of range");
        }
        if (v < min || v > max) {
            throw fail.apply(what + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** An instant in the one canonical form {@code 2026-01-01T00:00:00Z} (UTC, whole seconds). */
    Instant instant(String s, String what) throws E {
        try {
            Instant t = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(s));
            if (!formatInstant(t).equals(s)) {
                throw fail.apply(what + " must be a UTC time in whole seconds, e.g. 2026-01-01T00:00:00Z");
            }
            return t;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw fail.apply(what + " must be a UTC time in whole seconds, e.g. 2026-01-01T00:00:00Z");
        }
    }

    /** The canonical text of an instant, truncated to whole seconds. */
    static String formatInstant(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
