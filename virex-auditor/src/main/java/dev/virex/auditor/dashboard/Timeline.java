package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import java.util.Map;

/**
 * The decision timeline: the latest decisions, newest first, each with its log index, time, kind,
 * summary, the federation members its FROST attestation names as signers, and its verification
 * status (verified, or the worst finding naming the entry).
 */
final class Timeline {
    static final int SHOWN = 50;
    static final Map<String, String> STATUS = Map.of("verified", "\u2713 verified", "warning", "\u26a0 warning", "violation", "\u2717 violation");

    private Timeline() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "decisions", "aria-labelledby", "decisions-h").el("h2", "Decision timeline", "id", "decisions-h");
        h.el("p", "Every federation decision is a log entry signed with the federation's M-of-N threshold signature (FROST). "
                + "The auditor verifies the group signature, folds the decision, and checks that the attestation names at least M real "
                + "members whose shares make the signature.", "class", "lead");
        counts(h, s.decisionCounts());
        if (s.decisions().isEmpty()) {
            h.el("p", "No decision verified yet.", "class", "empty").close("section");
            return;
        }
        long total = s.decisionCounts().values().stream().mapToLong(Long::longValue).sum();
        int shown = Math.min(SHOWN, s.decisions().size());
        h.open("div", "class", "scroll").open("table", "class", "timeline")
                .el("caption", "The latest " + shown + " of " + Html.count(total, "decision") + ", newest first")
                .open("thead").open("tr");
        for (String c : new String[] {"Entry", "Decided (UTC)", "Decision", "Summary", "Signed by", "Verification"}) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AuditState.DecisionView d : s.decisions().subList(0, shown)) {
            h.open("tr", "data-index", Long.toString(d.index()), "data-kind", d.kind(), "data-status", d.status())
                    .el("td", "#" + d.index(), "class", "idx").open("td").time(d.time()).close("td")
                    .open("td").el("span", d.kind(), "class", "kind " + d.kind()).close("td")
                    .el("td", d.summary(), "class", "summary").open("td");
            if (d.signers().isEmpty()) {
                h.el("span", "no valid attestation", "class", "none");
            } else {
                h.open("ul", "class", "signers", "aria-label", d.signers().size() + " signers");
                d.signers().forEach(m -> h.el("li", m, "class", "signer"));
                h.close("ul");
            }
            h.close("td").open("td").el("span", STATUS.getOrDefault(d.status(), d.status()), "class", "status " + d.status());
            if (!d.applied()) {
                h.text(" ").el("span", "(not applied)", "class", "none");
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table").close("div").close("section");
    }

    private static void counts(Html h, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        h.open("ul", "class", "counts", "aria-label", "Decisions by kind");
        new java.util.TreeMap<>(counts).forEach((k, n) -> h.open("li").el("span", k, "class", "kind " + k).text(" " + Html.count(n)).close("li"));
        h.close("ul");
    }
}
