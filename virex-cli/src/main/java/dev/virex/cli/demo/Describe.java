package dev.virex.cli.demo;

import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.decision.Reason;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** One-line descriptions of logged decisions and names for the narrative. */
final class Describe {
    private Describe() {}

    /** E.g. "#5 join-approved mix-1 (mixnode, eu-west), signed by member-1, member-3, member-4". */
    static String entry(LogWatch.Seen s) {
        return "#" + s.index() + " " + decision(s.decision()) + ", signed by " + names(s.signers())
                + s.anomaly().map(a -> " (not applied: " + a + ")").orElse("");
    }

    static String decision(Decision d) {
        String kind = d.kind().wire();
        return switch (d) {
            case FederationKey fk -> kind + ": group key " + fk.group().name() + ", " + fk.threshold() + " of " + fk.members().size()
                    + " members";
            case ParamsChanged p -> kind + ": " + params(p.params()) + " from " + p.activation();
            case EpochBeacon e -> kind + " " + e.epoch() + ": its group signature seeds the PoW of the next " + e.length().toMinutes()
                    + " minutes";
            case DirectorySnapshot s -> kind + " snapshot: " + s.nodes() + " nodes after " + s.logSize() + " entries";
            case JoinApproved j -> kind + " " + shortName(j.node().id()) + " (" + j.node().role().wire() + ", " + j.node().region() + ")";
            case JoinRejected j -> kind + " " + shortName(j.node().id()) + ": " + reasons(j.reasons());
            case NodeRemoved r -> kind + " " + shortName(r.nodeId()) + ": " + reasons(r.reasons());
        };
    }

    static String params(Map<String, String> p) {
        if (p.size() > 4) {
            return p.size() + " parameters (join.effort " + p.get("join.effort") + ", operator.max-nodes " + p.get("operator.max-nodes")
                    + ", abuse.effort-floor " + p.get("abuse.effort-floor") + ", ...)";
        }
        return p.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String reasons(List<Reason> reasons) {
        StringJoiner j = new StringJoiner("; ");
        reasons.forEach(r -> j.add(r.text().isEmpty() ? r.code() : r.code() + " " + r.text()));
        return j.toString();
    }

    /** "member-2.fed.demo.example" -> "member-2". */
    static String shortName(String keyName) {
        int dot = keyName.indexOf('.');
        return dot < 0 ? keyName : keyName.substring(0, dot);
    }

    static String names(List<String> keyNames) {
        return keyNames.stream().map(Describe::shortName).collect(Collectors.joining(", "));
    }

    /** "1 member", "5 members". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String millis(double seconds) {
        return seconds < 1 ? Math.round(seconds * 1000) + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", seconds);
    }
}
