package dev.virex.federation.decide;

import dev.virex.core.decision.Reason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a coordinator asks signers to sign, without the text: each signer re-derives the decision
 * text from its own state ({@link Deriver}) and signs only if it matches and it approves.
 *
 * @param about {@code join:<request ID>}, {@code proposal:<proposal ID>}, {@code epoch:<n>},
 *     {@code directory:<log size>}, {@code genesis} or {@code genesis-params}
 * @param outcome for a join: {@code approve}, {@code reject} or {@code expire}; else {@code decide}
 * @param time the decision's time, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param reasons for a rejection: {@code code[ text]} lines
 * @param start for an epoch beacon: the epoch's start time; else null
 */
public record DecisionRequest(String about, String outcome, String time, List<String> reasons, String start) {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String EXPIRE = "expire";
    public static final String DECIDE = "decide";
    private static final Pattern ABOUT = Pattern.compile("(join|proposal):[0-9a-f]{64}|epoch:(0|[1-9][0-9]{0,17})"
            + "|directory:[1-9][0-9]{0,17}|genesis|genesis-params");

    public DecisionRequest {
        if (about == null || !ABOUT.matcher(about).matches()) {
            throw new IllegalArgumentException("unknown decision subject " + about);
        }
        if (!List.of(APPROVE, REJECT, EXPIRE, DECIDE).contains(outcome)) {
            throw new IllegalArgumentException("outcome must be approve, reject, expire or decide");
        }
        if (about.startsWith("join:") == DECIDE.equals(outcome)) {
            throw new IllegalArgumentException("join requests are approved, rejected or expired; other subjects are decided");
        }
        instant(time, "time");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (reasons.size() > 16) {
            throw new IllegalArgumentException("at most 16 reasons");
        }
        parsedReasons(reasons);
        if (start != null) {
            instant(start, "start");
        }
    }

    public Instant instant() {
        return instant(time, "time");
    }

    public Optional<Instant> startInstant() {
        return start == null ? Optional.empty() : Optional.of(instant(start, "start"));
    }

    public List<Reason> parsedReasons() {
        return parsedReasons(reasons);
    }

    /** The part after the colon of {@link #about}. */
    public String key() {
        int c = about.indexOf(':');
        return c < 0 ? "" : about.substring(c + 1);
    }

    /** A reason line made fit for a decision: code first, text without control characters, at most 200 characters. */
    public static String normalize(String line) {
        String t = line.replaceAll("[\\x00-\\x1f\\x7f]", " ").strip();
        int sp = t.indexOf(' ');
        if (sp < 0) {
            return t;
        }
        String text = t.substring(sp + 1).strip();
        if (text.length() > Reason.MAX_TEXT) {
            text = text.substring(0, Reason.MAX_TEXT).strip();
        }
        return t.substring(0, sp) + (text.isEmpty() ? "" : " " + text);
    }

    static List<Reason> parsedReasons(List<String> lines) {
        List<Reason> out = new ArrayList<>();
        for (String r : lines) {
            int sp = r.indexOf(' ');
            out.add(sp < 0 ? new Reason(r, "") : new Reason(r.substring(0, sp), r.substring(sp + 1)));
        }
        return out;
    }

    static Instant instant(String s, String what) {
        try {
            Instant t = Instant.parse(s == null ? "" : s);
            if (t.getNano() != 0 || !t.toString().equals(s)) {
                throw new IllegalArgumentException(what + " must be YYYY-MM-DDTHH:MM:SSZ");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be YYYY-MM-DDTHH:MM:SSZ");
        }
    }
}
