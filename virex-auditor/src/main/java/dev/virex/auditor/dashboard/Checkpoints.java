package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;

/**
 * Checkpoint history: the latest checkpoints the auditor verified with every entry up to their
 * size, with the witnesses whose cosignatures verified and the digest of the directory they fix.
 */
final class Checkpoints {
    static final int SHOWN = 20;

    private Checkpoints() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "checkpoints", "aria-labelledby", "checkpoints-h")
                .el("h2", "Checkpoints and witness cosignatures", "id", "checkpoints-h");
        h.el("p", "A checkpoint is the log's signed tree head. Nodes act on one only when enough independent witnesses have "
                + "cosigned it, so the log cannot show different histories to different readers unnoticed.", "class", "lead");
        if (s.checkpoints().isEmpty()) {
            h.el("p", "No checkpoint verified yet.", "class", "empty").close("section");
            return;
        }
        int shown = Math.min(SHOWN, s.checkpoints().size());
        h.open("div", "class", "scroll").open("table", "class", "checkpoints")
                .el("caption", "The latest " + Html.count(shown, "verified checkpoint") + " of " + s.checkpoints().get(0).origin() + ", newest first")
                .open("thead").open("tr");
        for (String c : new String[] {"Tree size", "Root hash", "Cosigned by", "Directory digest", "Verified (UTC)"}) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AuditState.CheckpointView c : s.checkpoints().subList(0, shown)) {
            h.open("tr", "data-size", Long.toString(c.size())).el("td", Html.count(c.size()), "class", "num")
                    .open("td").el("code", shorten(c.root()), "title", c.root()).close("td").open("td");
            if (c.cosigners().isEmpty()) {
                h.el("span", "no witness cosignature", "class", "none");
            } else {
                h.open("ul", "class", "witnesses", "aria-label", c.cosigners().size() + " witnesses");
                c.cosigners().forEach(w -> h.el("li", w, "class", "witness"));
                h.close("ul");
            }
            h.close("td").open("td");
            if (c.directory() == null) {
                h.text("\u2014");
            } else {
                h.el("code", shorten(c.directory()), "title", c.directory());
            }
            h.close("td").open("td").time(c.seen()).close("td").close("tr");
        }
        h.close("tbody").close("table").close("div").close("section");
    }

    static String shorten(String hash) {
        return hash.length() <= 16 ? hash : hash.substring(0, 12) + "\u2026";
    }
}
