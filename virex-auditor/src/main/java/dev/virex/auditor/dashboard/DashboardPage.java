package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;

/**
 * The transparency dashboard (docs/spec/auditor.md, "Dashboard"): one server-rendered page built
 * from an {@link AuditState.Snapshot}, with inline SVG plots, a stylesheet and a small script
 * served next to it (no external resource of any kind). The script polls {@code /state} and,
 * when the state's version changes, fetches this page again and swaps its content, so the page
 * stays live; without scripts it is complete as rendered.
 */
public final class DashboardPage {
    public static final String PATH = "/dashboard";
    public static final String CSS = PATH + "/dashboard.css";
    public static final String JS = PATH + "/dashboard.js";
    /** How often the script polls {@code /state}. */
    public static final int REFRESH_MILLIS = 5000;

    private DashboardPage() {}

    /** The whole page for the auditor whose key name is {@code auditor}. */
    public static String render(AuditState.Snapshot s, String auditor) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .el("title", "VIREX transparency dashboard \u2014 " + auditor)
                .empty("link", "rel", "stylesheet", "href", CSS)
                .empty("link", "rel", "alternate", "type", "application/atom+xml", "title", "Notices of " + auditor, "href", "/notices.atom")
                .open("script", "src", JS, "defer", "defer").close("script").close("head");
        h.open("body", "data-version", Long.toString(s.version()), "data-refresh", Integer.toString(REFRESH_MILLIS));
        h.el("a", "Skip to the content", "href", "#content", "class", "skip");
        h.open("header", "class", "top").el("h1", "VIREX transparency dashboard");
        String origin = s.checkpoints().isEmpty() ? null : s.checkpoints().get(0).origin();
        h.open("p", "class", "sub").text("What auditor ").el("strong", auditor).text(" has verified in ")
                .el("strong", origin == null ? "the log" : origin)
                .text(": federation decisions, checkpoints and their witnesses, the network they define, and how mixnodes enforce "
                        + "the abuse-prevention rules. Everything shown was recomputed from public, signed data.").close("p");
        h.el("p", "Live: the page follows the auditor every " + REFRESH_MILLIS / 1000 + " seconds (state of " + s.time() + ").",
                "id", "live", "class", "live", "role", "status", "aria-live", "polite");
        h.open("nav", "aria-label", "Sections").open("ul");
        String[][] links = {{"#network", "Network"}, {"#traffic", "Messages"}, {"#decisions", "Decisions"}, {"#checkpoints", "Checkpoints"},
                {"#params", "Parameters"}, {"#findings", "Findings"}};
        for (String[] l : links) {
            h.open("li").el("a", l[1], "href", l[0]).close("li");
        }
        h.close("ul").close("nav").close("header");
        h.open("div", "id", "content");
        summary(h, s);
        h.open("main", "class", "grid");
        NetworkMap.render(h, s);
        TrafficPlots.render(h, s);
        Timeline.render(h, s);
        h.open("div", "class", "stack");
        Checkpoints.render(h, s);
        Findings.render(h, s);
        h.close("div");
        Parameters.render(h, s);
        h.close("main").close("div");
        h.open("footer").text("Data: ").el("a", "/state", "href", "/state").text(" (JSON), ").el("a", "/notices", "href", "/notices")
                .text(" and ").el("a", "/notices.atom", "href", "/notices.atom").text(" (notices signed by the auditor, key at ")
                .el("a", "/vkey", "href", "/vkey").text("). Figures from mixnodes are coarsened by the mixnodes themselves.")
                .close("footer");
        h.close("body").close("html");
        return h.toString();
    }

    /** The headline figures: is the audit running, how far, the latest checkpoint, findings. */
    private static void summary(Html h, AuditState.Snapshot s) {
        h.open("ul", "class", "summary", "aria-label", "Audit summary");
        if (s.halted() != null) {
            h.open("li", "class", "tile bad", "id", "audit-status").el("span", "Audit halted", "class", "big").el("span", s.halted()).close("li");
        } else {
            h.open("li", "class", "tile ok", "id", "audit-status").el("span", "\u2713 Audit running", "class", "big")
                    .el("span", "no entry refused").close("li");
        }
        h.open("li", "class", "tile").el("span", Html.count(s.verifiedEntries()), "class", "big", "id", "verified-entries")
                .el("span", "log entries verified").close("li");
        if (!s.checkpoints().isEmpty()) {
            AuditState.CheckpointView c = s.checkpoints().get(0);
            h.open("li", "class", "tile").el("span", "size " + Html.count(c.size()), "class", "big")
                    .el("span", "latest checkpoint, cosigned by " + (c.cosigners().isEmpty() ? "no witness" : String.join(", ", c.cosigners())))
                    .close("li");
        }
        h.open("li", "class", "tile" + (s.violations() > 0 ? " bad" : s.warnings() > 0 ? " warn" : " ok"))
                .el("span", Html.count(s.violations()) + " / " + Html.count(s.warnings()), "class", "big")
                .el("span", "violations / warnings").close("li");
        h.close("ul");
    }
}
