package dev.virex.auditor.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strict reading of the auditor's line-oriented {@code key value} texts (notices, gossip): UTF-8
 * lines ending in a newline, without control characters, keys in the order the format fixes,
 * exactly one space after the key, canonical decimals and times. Every failure becomes the
 * caller's one format exception.
 */
public final class Fields<E extends Exception> {
    private final List<String> lines;
    private final Function<String, E> fail;
    private int next;

    private Fields(List<String> lines, Function<String, E> fail) {
        this.lines = lines;
        this.fail = fail;
    }

    public static <E extends Exception> Fields<E> of(byte[] data, int maxBytes, Function<String, E> fail) throws E {
        if (data.length > maxBytes) {
            throw fail.apply("text longer than " + maxBytes + " bytes");
        }
        return of(utf8(data, fail), fail);
    }

    public static <E extends Exception> Fields<E> of(String text, Function<String, E> fail) throws E {
        if (!text.endsWith("\n")) {
            throw fail.apply("text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7f) {
                throw fail.apply("control character at offset " + i);
            }
        }
        return new Fields<>(List.of(text.substring(0, text.length() - 1).split("\n", -1)), fail);
    }

    static <E extends Exception> String utf8(byte[] data, Function<String, E> fail) throws E {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw fail.apply("text is not valid UTF-8");
        }
    }

    public void literal(String expected) throws E {
        if (next >= lines.size() || !lines.get(next).equals(expected)) {
            throw fail.apply("line " + (next + 1) + ": expected '" + expected + "'");
        }
        next++;
    }

    /** The value of the next line, which must be {@code key value} (the value may hold spaces inside). */
    public String value(String key) throws E {
        return optional(key).orElseThrow(() -> fail.apply("line " + (next + 1) + ": expected '" + key + " <value>'"));
    }

    public Optional<String> optional(String key) throws E {
        if (next >= lines.size() || !lines.get(next).startsWith(key + " ")) {
            return Optional.empty();
        }
        String v = lines.get(next).substring(key.length() + 1);
        if (v.isEmpty() || v.startsWith(" ") || v.endsWith(" ")) {
            throw fail.apply("line " + (next + 1) + ": empty value or stray spaces after '" + key + "'");
        }
        next++;
        return Optional.of(v);
    }

    public List<String> repeated(String key, int max) throws E {
        List<String> out = new ArrayList<>();
        for (Optional<String> v = optional(key); v.isPresent(); v = optional(key)) {
            if (out.size() == max) {
                throw fail.apply("more than " + max + " '" + key + "' lines");
            }
            out.add(v.get());
        }
        return out;
    }

    public long number(String key, long min, long max) throws E {
        return decimal(value(key), key, min, max);
    }

    public Instant time(String key) throws E {
        return time(value(key), key);
    }

    public void end() throws E {
        if (next != lines.size()) {
            throw fail.apply("line " + (next + 1) + ": unexpected '" + clip(lines.get(next)) + "'");
        }
    }

    /** ASCII decimal without sign or leading zeros, within [min, max]. */
    public long decimal(String s, String what, long min, long max) throws E {
        if (!s.matches("0|[1-9][0-9]{0,18}")) {
            throw fail.apply(what + " must be a canonical decimal number");
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fail.apply(what + " is out of range");
        }
        if (v < min || v > max) {
            throw fail.apply(what + " must be between " + min + " and " + max);
        }
        return v;
    }

    /** A UTC time in whole seconds, {@code 2026-01-01T00:00:00Z}, in that one form. */
    public Instant time(String s, String what) throws E {
        try {
            Instant t = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(s));
            if (!format(t).equals(s)) {
                throw fail.apply(what + " must be a UTC time in whole seconds");
            }
            return t;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw fail.apply(what + " must be a UTC time in whole seconds");
        }
    }

    public static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
