package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import java.util.stream.Collectors;

/** The latest findings: violations of the protocol or policy, and warnings for people to judge. */
final class Findings {
    static final int SHOWN = 30;

    private Findings() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "findings", "aria-labelledby", "findings-h").el("h2", "Findings", "id", "findings-h");
        h.open("p", "class", "lead").text("Each finding is also published as a notice signed by the auditor (")
                .el("a", "Atom feed", "href", "/notices.atom").text("). ")
                .text(Html.count(s.violations(), "violation") + " and " + Html.count(s.warnings(), "warning") + " so far.").close("p");
        if (s.findings().isEmpty()) {
            h.el("p", "\u2713 Nothing found: every verified entry follows the protocol and the auditor's policy.", "class", "empty ok")
                    .close("section");
            return;
        }
        int shown = Math.min(SHOWN, s.findings().size());
        h.open("div", "class", "scroll").open("table", "class", "findings")
                .el("caption", "The latest " + Html.count(shown, "finding") + ", newest first").open("thead").open("tr");
        for (String c : new String[] {"Severity", "Code", "Subject", "Entries", "Found (UTC)"}) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AuditState.FindingView f : s.findings().subList(0, shown)) {
            String entries = f.entries().stream().limit(8).map(e -> "#" + e).collect(Collectors.joining(" "))
                    + (f.entries().size() > 8 ? " \u2026" : "");
            h.open("tr", "data-code", f.code()).open("td").el("span", f.severity(), "class", "status " + f.severity()).close("td")
                    .open("td").el("code", f.code()).close("td").el("td", f.subject(), "class", "summary")
                    .el("td", entries, "class", "idx").open("td").time(f.found()).close("td").close("tr");
        }
        h.close("tbody").close("table").close("div").close("section");
    }
}
