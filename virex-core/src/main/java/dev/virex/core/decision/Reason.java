package dev.virex.core.decision;

import java.util.regex.Pattern;

/**
 * Why a join was rejected or a node removed: a machine-readable code and an optional short text.
 * Written {@code reason <code>[ <text>]}.
 */
public record Reason(String code, String text) {
    public static final int MAX_TEXT = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public Reason {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reason code must be 1 to 32 of [a-z0-9-]");
        }
        if (text.length() > MAX_TEXT || !text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("reason text must be at most " + MAX_TEXT + " printable characters without outer spaces");
        }
    }

    public static Reason of(String code) {
        return new Reason(code, "");
    }

    static Reason parse(String value) throws DecisionFormatException {
        int sp = value.indexOf(' ');
        try {
            return sp < 0 ? new Reason(value, "") : new Reason(value.substring(0, sp), value.substring(sp + 1));
        } catch (IllegalArgumentException e) {
            throw new DecisionFormatException(e.getMessage());
        }
    }

    String line() {
        return text.isEmpty() ? code : code + " " + text;
    }
}
