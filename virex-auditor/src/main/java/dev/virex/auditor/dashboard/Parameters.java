package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import dev.virex.auditor.NetworkView;
import dev.virex.core.decision.NetworkParams;
import java.util.List;
import java.util.Map;

/**
 * The parameters in force (proof-of-work and rate limits first, then the other network
 * parameters), with the decision that set each, the changes scheduled for later, and the history
 * of changes, each shown with the value it replaced.
 */
final class Parameters {
    static final int SHOWN = 30;
    static final String POW = "abuse.";

    private Parameters() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "params", "aria-labelledby", "params-h").el("h2", "Proof-of-work and rate-limit parameters", "id", "params-h");
        h.el("p", "Clients pay a proof-of-work per message and mixnodes rate-limit them; the federation changes these parameters only "
                + "by logged M-of-N decisions, and the auditor checks that mixnodes enforce the ones in force.", "class", "lead");
        NetworkView n = s.network();
        if (n == null) {
            h.el("p", "No verified entry yet.", "class", "empty").close("section");
            return;
        }
        h.open("div", "class", "scroll").open("table", "class", "params").el("caption", "In force now").open("thead").open("tr");
        for (String c : new String[] {"Parameter", "Value", "Set by"}) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        inForce(h, s, n, true);
        inForce(h, s, n, false);
        h.close("tbody").close("table").close("div");
        if (!n.pending().isEmpty()) {
            h.open("ul", "class", "pending", "aria-label", "Scheduled changes");
            n.pending().forEach(p -> h.open("li").text("Scheduled: ").el("code", p.key()).text(" becomes ").el("strong", p.value())
                    .text(" at ").time(p.activation()).close("li"));
            h.close("ul");
        }
        history(h, s.params());
        h.close("section");
    }

    private static void inForce(Html h, AuditState.Snapshot s, NetworkView n, boolean pow) {
        for (Map.Entry<String, String> e : n.paramsInForce().entrySet()) {
            if (e.getKey().startsWith(POW) != pow) {
                continue;
            }
            AuditState.ParamView from = s.params().stream()
                    .filter(p -> p.key().equals(e.getKey()) && p.activation().compareTo(s.time()) <= 0).findFirst().orElse(null);
            h.open("tr", "class", pow ? "pow" : null, "data-param", e.getKey()).open("th", "scope", "row").el("code", e.getKey()).close("th")
                    .el("td", e.getValue(), "class", "value").open("td");
            if (from == null) {
                h.text("genesis default");
            } else {
                h.text("entry #" + from.index() + ", from ").time(from.activation());
            }
            h.close("td").close("tr");
        }
    }

    private static void history(Html h, List<AuditState.ParamView> params) {
        if (params.isEmpty()) {
            h.el("p", "No parameter change decided yet.", "class", "note");
            return;
        }
        int shown = Math.min(SHOWN, params.size());
        h.open("div", "class", "scroll").open("table", "class", "history")
                .el("caption", "Changes, newest first (" + shown + " of " + Html.count(params.size()) + ")").open("thead").open("tr");
        for (String c : new String[] {"Entry", "In force from (UTC)", "Parameter", "Change"}) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (int i = 0; i < shown; i++) {
            AuditState.ParamView p = params.get(i);
            String before = previous(params, i);
            h.open("tr", "data-param", p.key(), "data-index", Long.toString(p.index())).el("td", "#" + p.index(), "class", "idx")
                    .open("td").time(p.activation()).close("td").open("td").el("code", p.key()).close("td").open("td", "class", "change");
            if (before != null && !before.equals(p.value())) {
                h.el("span", before, "class", "old").text(" \u2192 ");
            }
            h.el("strong", p.value()).close("td").close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    /** The value the change at {@code i} replaced: the next older change of its key, else the genesis default. */
    private static String previous(List<AuditState.ParamView> params, int i) {
        String key = params.get(i).key();
        for (int j = i + 1; j < params.size(); j++) {
            if (params.get(j).key().equals(key)) {
                return params.get(j).value();
            }
        }
        return NetworkParams.DEFAULTS.get(key);
    }
}
