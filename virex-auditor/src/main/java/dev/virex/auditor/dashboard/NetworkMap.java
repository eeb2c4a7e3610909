package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import dev.virex.auditor.NetworkView;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The network map: admitted nodes by region (rows) and role (columns), each mixnode marked with
 * the result of its latest enforcement check, the counts per role, and the latest removals.
 */
final class NetworkMap {
    static final List<String> ROLES = List.of("mixnode", "mailbox", "ods");
    static final Map<String, String> PLURAL = Map.of("mixnode", "Mixnodes", "mailbox", "Mailbox servers", "ods", "ODS servers");

    private NetworkMap() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "network", "aria-labelledby", "network-h").el("h2", "Network map", "id", "network-h");
        NetworkView n = s.network();
        if (n == null) {
            h.el("p", "No verified entry yet: the map appears once the auditor has folded the log's genesis entry.", "class", "empty")
                    .close("section");
            return;
        }
        h.el("p", "The nodes the federation admitted, as the auditor's own fold of the verified log shows them after entry "
                + (n.logSize() - 1) + ". A mixnode is marked with what its latest signed enforcement report shows.", "class", "lead");
        cards(h, n);
        Map<String, AuditState.MixnodeView> checked = s.mixnodes().stream()
                .collect(Collectors.toMap(AuditState.MixnodeView::node, Function.identity(), (a, b) -> b));
        TreeSet<String> regions = new TreeSet<>();
        n.counts().values().forEach(m -> regions.addAll(m.keySet()));
        h.open("div", "class", "scroll").open("table", "class", "map").open("caption").text("Admitted nodes by region and role");
        if (n.nodes().size() < n.nodeCount()) {
            h.text(" (the newest " + Html.count(n.nodes().size()) + " of " + Html.count(n.nodeCount()) + " listed)");
        }
        h.close("caption").open("thead").open("tr").el("th", "Region", "scope", "col");
        ROLES.forEach(r -> h.el("th", PLURAL.get(r), "scope", "col"));
        h.close("tr").close("thead").open("tbody");
        for (String region : regions) {
            h.open("tr").el("th", region, "scope", "row");
            for (String role : ROLES) {
                List<NetworkView.NodeView> here = n.nodes().stream()
                        .filter(v -> v.region().equals(region) && v.role().equals(role)).sorted((a, b) -> a.id().compareTo(b.id())).toList();
                h.open("td");
                if (!here.isEmpty()) {
                    h.open("ul", "class", "nodes");
                    here.forEach(v -> node(h, v, checked.get(v.id())));
                    h.close("ul");
                }
                h.close("td");
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        removed(h, n);
        h.close("section");
    }

    private static void cards(Html h, NetworkView n) {
        h.open("ul", "class", "cards", "aria-label", "Nodes by role");
        for (String role : ROLES) {
            int c = n.counts().getOrDefault(role, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            h.open("li", "class", "card " + role).el("span", Html.count(c), "class", "num").text(" " + PLURAL.get(role).toLowerCase()).close("li");
        }
        h.open("li", "class", "card removed").el("span", Html.count(n.removedCount()), "class", "num").text(" removed").close("li");
        h.close("ul");
    }

    private static void node(Html h, NetworkView.NodeView v, AuditState.MixnodeView m) {
        String state = "";
        String cls = "";
        if (v.role().equals("mixnode")) {
            if (m == null) {
                state = "not checked yet";
                cls = " unchecked";
            } else if (m.problems().isEmpty()) {
                state = "enforcing";
                cls = " ok";
            } else {
                state = String.join("; ", m.problems());
                cls = " bad";
            }
        }
        String title = v.role() + " at " + v.address() + ", admitted at entry " + v.admittedIndex() + " (" + v.admitted() + "), operator "
                + v.operator() + ", " + v.bandwidthMbps() + " Mbit/s, software " + v.software();
        h.open("li", "class", "node " + v.role() + cls, "title", title, "data-node", v.id(), "data-role", v.role())
                .el("span", v.id(), "class", "name").text(" ").el("span", "#" + v.admittedIndex(), "class", "idx");
        if (!state.isEmpty()) {
            h.text(" ").el("span", state, "class", "state");
        }
        h.close("li");
    }

    private static void removed(Html h, NetworkView n) {
        if (n.removed().isEmpty()) {
            h.el("p", "No node has been removed.", "class", "note");
            return;
        }
        h.open("p", "class", "note").text("Removed (newest first): ");
        for (int i = 0; i < n.removed().size(); i++) {
            NetworkView.RemovedView r = n.removed().get(i);
            h.text(i == 0 ? "" : ", ").el("span", r.id(), "class", "gone", "data-removed", r.id()).text(" at ").time(r.removed());
        }
        h.close("p");
    }
}
