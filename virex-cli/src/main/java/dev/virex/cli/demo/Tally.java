package dev.virex.cli.demo;

import dev.virex.core.ingress.RejectReason;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Messages sent, accepted and refused (by reason): thread-safe counts for the narrative. */
final class Tally {
    private long sent;
    private long accepted;
    private long failed;
    private final EnumMap<RejectReason, Long> refused = new EnumMap<>(RejectReason.class);

    synchronized void recordAccepted() {
        sent++;
        accepted++;
    }

    synchronized void recordRefused(RejectReason r) {
        sent++;
        refused.merge(r, 1L, Long::sum);
    }

    /** A send that got no answer (the connection closed, e.g. the mixnode left). */
    synchronized void recordFailed() {
        failed++;
    }

    synchronized long sent() {
        return sent;
    }

    synchronized long accepted() {
        return accepted;
    }

    synchronized long failedSends() {
        return failed;
    }

    synchronized long refused(RejectReason r) {
        return refused.getOrDefault(r, 0L);
    }

    synchronized Map<RejectReason, Long> refusals() {
        return Map.copyOf(refused);
    }

    synchronized double acceptedPercent() {
        return sent == 0 ? 0 : 100.0 * accepted / sent;
    }

    /** E.g. "120 sent, 119 accepted (99.2%), refused: rate-limited 1". */
    synchronized String summary() {
        StringJoiner r = new StringJoiner(", ");
        refused.forEach((k, v) -> r.add(k.label() + " " + v));
        return String.format(Locale.ROOT, "%d sent, %d accepted (%.1f%%)%s", sent, accepted, acceptedPercent(),
                refused.isEmpty() ? "" : "; refused: " + r);
    }
}
