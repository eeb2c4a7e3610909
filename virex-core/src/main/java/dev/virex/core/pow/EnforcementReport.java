package dev.virex.core.pow;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mixnode's signed account of one interval of enforcement (VIREX Abuse Prevention Flow step 6,
 * "Auditors verify enforcement"): aggregate, binned and noised counts only, never a per-client
 * figure. Text form, signed as a C2SP signed note by the mixnode's key:
 *
 * <pre>
 * virex enforcement report v1
 * mixnode &lt;identity, 64 hex&gt;
 * interval &lt;number&gt;
 * start &lt;UTC time&gt;
 * end &lt;UTC time&gt;
 * params &lt;SHA-256 of the parameter text in force, 64 hex&gt;
 * effort-floor &lt;n&gt;
 * suggested-effort &lt;n&gt;
 * accepted &lt;n&gt;
 * rejected &lt;n&gt;               all reasons, coarsened once
 * rejected-&lt;reason&gt; &lt;n&gt;      one line per RejectReason, in its order
 * </pre>
 *
 * The total is coarsened from the true total, not summed from the coarsened per-reason figures:
 * each of those is clamped at zero, so their sum would carry the upward bias of every reason
 * (a quiet mixnode would seem to reject dozens of messages per interval). Auditors and dashboards
 * use the total; the reasons explain it.
 *
 * Implementation limits: text at most {@link #MAX_TEXT_BYTES} bytes, signed note at most
 * {@link #MAX_NOTE_BYTES}; counts at most 2^53.
 */
public record EnforcementReport(Bytes mixnodeId, long interval, Instant start, Instant end, String paramsDigest,
                                long effortFloor, long suggestedEffort, long accepted, long rejectedTotal, Map<RejectReason, Long> rejected) {
    public static final int MAX_TEXT_BYTES = 2048;
    public static final int MAX_NOTE_BYTES = 4096;
    public static final long MAX_COUNT = 1L << 53;
    static final String HEADER = "virex enforcement report v1";
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");

    public EnforcementReport {
        if (mixnodeId.length() != 32 || paramsDigest == null || !HEX32.matcher(paramsDigest).matches()) {
            throw new IllegalArgumentException("mixnode id is 32 bytes and the params digest 64 hex digits");
        }
        if (interval < 0 || !end.isAfter(start) || start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("need interval >= 0 and whole-second start < end");
        }
        if (effortFloor < 1 || suggestedEffort < effortFloor || suggestedEffort > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("need 1 <= effort floor <= suggested effort < 2^32");
        }
        EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
        copy.putAll(rejected);
        if (copy.size() != RejectReason.values().length) {
            throw new IllegalArgumentException("a report lists every reject reason");
        }
        if (accepted < 0 || accepted > MAX_COUNT || rejectedTotal < 0 || rejectedTotal > MAX_COUNT
                || copy.values().stream().anyMatch(v -> v < 0 || v > MAX_COUNT)) {
            throw new IllegalArgumentException("counts must be between 0 and 2^53");
        }
        rejected = Collections.unmodifiableMap(copy);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder(700).append(HEADER).append('\n')
                .append("mixnode ").append(mixnodeId.toHex()).append('\n')
                .append("interval ").append(interval).append('\n')
                .append("start ").append(TextLines.formatInstant(start)).append('\n')
                .append("end ").append(TextLines.formatInstant(end)).append('\n')
                .append("params ").append(paramsDigest).append('\n')
                .append("effort-floor ").append(effortFloor).append('\n')
                .append("suggested-effort ").append(suggestedEffort).append('\n')
                .append("accepted ").append(accepted).append('\n')
                .append("rejected ").append(rejectedTotal).append('\n');
        for (RejectReason r : RejectReason.values()) {
            sb.append("rejected-").append(r.label()).append(' ').append(rejected.get(r)).append('\n');
        }
        return sb.toString();
    }

    public static EnforcementReport parse(String text) throws ReportFormatException {
        TextLines<ReportFormatException> in = TextLines.of(text, MAX_TEXT_BYTES, ReportFormatException::new);
        in.expect(HEADER);
        String id = in.value("mixnode");
        if (!HEX32.matcher(id).matches()) {
            throw new ReportFormatException("mixnode must be 64 lowercase hex digits");
        }
        long interval = in.number("interval", 0, Long.MAX_VALUE);
        Instant start = in.instant("start");
        Instant end = in.instant("end");
        String params = in.value("params");
        long floor = in.number("effort-floor", 1, AbuseParams.MAX_EFFORT);
        long suggested = in.number("suggested-effort", 1, AbuseParams.MAX_EFFORT);
        long accepted = in.number("accepted", 0, MAX_COUNT);
        long rejectedTotal = in.number("rejected", 0, MAX_COUNT);
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, in.number("rejected-" + r.label(), 0, MAX_COUNT));
        }
        in.end();
        try {
            return new EnforcementReport(Bytes.wrap(HexFormat.of().parseHex(id)), interval, start, end, params,
                    floor, suggested, accepted, rejectedTotal, rejected);
        } catch (IllegalArgumentException e) {
            throw new ReportFormatException(e.getMessage(), e);
        }
    }

    /** The signed note of this report. */
    public byte[] sign(NoteSigner mixnodeKey) {
        return Note.sign(encode(), mixnodeKey).encode();
    }

    /**
     * Verifies a signed report by the mixnode's key (C2SP signed-note, over the exact bytes) and
     * parses it; the report must name the key that signed it.
     */
    public static EnforcementReport open(byte[] note, VerifierKey mixnodeKey) throws NoteException, ReportFormatException {
        VerifiedNote v = Note.open(note, Verifiers.of(mixnodeKey.noteVerifier()), MAX_NOTE_BYTES);
        EnforcementReport r = parse(v.text());
        if (!r.mixnodeId().equals(mixnodeKey.publicKey())) {
            throw new ReportFormatException("report names another mixnode than the key that signed it");
        }
        return r;
    }

    /** An auditor's checks against the parameters the log says were in force: empty when consistent. */
    public List<String> problemsAgainst(AbuseParams inForce) {
        List<String> out = new ArrayList<>();
        if (!paramsDigest.equals(inForce.digestHex())) {
            out.add("report names parameters " + paramsDigest + ", the log has " + inForce.digestHex());
        }
        if (effortFloor != inForce.effortFloor()) {
            out.add("effort floor " + effortFloor + " differs from the decided " + inForce.effortFloor());
        }
        if (suggestedEffort > inForce.effortCeiling()) {
            out.add("suggested effort " + suggestedEffort + " above the decided ceiling " + inForce.effortCeiling());
        }
        return out;
    }
}
