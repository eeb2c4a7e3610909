package dev.virex.auditor.notice;

import dev.virex.auditor.text.Fields;
import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Something the auditor found, with its evidence: the log entries involved (by index) and signed
 * documents (checkpoints, enforcement reports) exactly as received. A {@linkplain Severity#VIOLATION
 * violation} breaks a rule of the protocol or of the auditor's policy; a {@linkplain
 * Severity#WARNING warning} is a suspicious pattern for people to look at. Codes are listed in
 * docs/spec/auditor.md. The subject is deterministic (no clock readings), so a finding found again
 * after a restart is the same finding.
 */
public record Finding(String code, Severity severity, String subject, List<Long> entries, List<Evidence> evidence)
        implements Subject {
    public static final int MAX_ENTRIES = 256;
    public static final int MAX_EVIDENCE = 4;
    public static final int MAX_EVIDENCE_BYTES = 20 * 1024;
    public static final int MAX_SUBJECT = 300;
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,47}");
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** How serious a finding is. */
    public enum Severity {
        VIOLATION, WARNING;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A signed document backing a finding, its exact bytes. */
    public record Evidence(String name, Bytes data) {
        public Evidence {
            if (!NAME.matcher(name).matches() || data.length() == 0 || data.length() > MAX_EVIDENCE_BYTES) {
                throw new IllegalArgumentException("evidence: a name of [a-z0-9-] and 1 to " + MAX_EVIDENCE_BYTES + " bytes");
            }
        }
    }

    public Finding {
        entries = List.copyOf(entries);
        evidence = List.copyOf(evidence);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("finding code must be [a-z][a-z0-9-], up to 48 characters");
        }
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT || subject.startsWith(" ") || subject.endsWith(" ")
                || subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " printable characters");
        }
        if (entries.size() > MAX_ENTRIES || evidence.size() > MAX_EVIDENCE) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries and " + MAX_EVIDENCE + " pieces of evidence");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) < 0 || i > 0 && entries.get(i) <= entries.get(i - 1)) {
                throw new IllegalArgumentException("entries must be increasing log indexes");
            }
        }
    }

    /** A finding; a subject longer than the limit is cut, entries beyond the limit keep the first ones. */
    public static Finding of(String code, Severity severity, String subject, List<Long> entries, List<Evidence> evidence) {
        String s = subject.replaceAll("[\\x00-\\x1f\\x7f]", " ").strip();
        if (s.length() > MAX_SUBJECT) {
            s = s.substring(0, MAX_SUBJECT - 3).strip() + "...";
        }
        List<Long> sorted = entries.stream().distinct().sorted().limit(MAX_ENTRIES).toList();
        return new Finding(code, severity, s, sorted, evidence);
    }

    public boolean isViolation() {
        return severity == Severity.VIOLATION;
    }

    @Override
    public String kind() {
        return "finding";
    }

    @Override
    public void write(StringBuilder out) {
        out.append("finding ").append(code).append('\n')
                .append("severity ").append(severity.wire()).append('\n')
                .append("subject ").append(subject).append('\n');
        entries.forEach(e -> out.append("entry ").append(e).append('\n'));
        evidence.forEach(e -> out.append("evidence ").append(e.name()).append(' ').append(e.data().toBase64()).append('\n'));
    }

    static Finding read(Fields<NoticeFormatException> in) throws NoticeFormatException {
        String code = in.value("finding");
        Severity severity = switch (in.value("severity")) {
            case "violation" -> Severity.VIOLATION;
            case "warning" -> Severity.WARNING;
            default -> throw new NoticeFormatException("severity must be violation or warning");
        };
        String subject = in.value("subject");
        List<Long> entries = new ArrayList<>();
        for (String e : in.repeated("entry", MAX_ENTRIES)) {
            entries.add(in.decimal(e, "entry", 0, Long.MAX_VALUE));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String e : in.repeated("evidence", MAX_EVIDENCE)) {
            int sp = e.indexOf(' ');
            if (sp < 0) {
                throw new NoticeFormatException("evidence line must be 'evidence <name> <base64>'");
            }
            byte[] data = Base64s.decodeCanonical(e.substring(sp + 1))
                    .orElseThrow(() -> new NoticeFormatException("evidence must be canonical base64"));
            evidence.add(build(() -> new Evidence(e.substring(0, sp), Bytes.wrap(data))));
        }
        return build(() -> new Finding(code, severity, subject, entries, evidence));
    }

    private static <T> T build(java.util.function.Supplier<T> c) throws NoticeFormatException {
        try {
            return c.get();
        } catch (IllegalArgumentException e) {
            throw new NoticeFormatException(e.getMessage(), e);
        }
    }
}
