package dev.virex.core.decision;

import dev.virex.core.note.VerifierKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The federation removes a node (malicious, compromised, failing its probes): it leaves every
 * routing table. {@code evidence} lines reference what justified it (probe report hashes, log
 * indexes, URLs).
 */
public record NodeRemoved(Header header, VerifierKey node, List<Reason> reasons, List<String> evidence) implements Decision {
    public static final int MAX_REASONS = 16;
    public static final int MAX_EVIDENCE = 16;
    private static final Pattern EVIDENCE = Pattern.compile("[!-~]{1,256}");

    public NodeRemoved {
        Decisions.requireKind(header, DecisionKind.NODE_REMOVED);
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        if (reasons.isEmpty() || reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("a removal needs 1 to " + MAX_REASONS + " reasons");
        }
        if (evidence.size() > MAX_EVIDENCE || !evidence.stream().allMatch(e -> EVIDENCE.matcher(e).matches())) {
            throw new IllegalArgumentException("evidence: at most " + MAX_EVIDENCE + " references of printable ASCII without spaces");
        }
    }

    public String nodeId() {
        return node.name();
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(512);
        header.write(sb);
        sb.append("node ").append(node.encode()).append('\n');
        reasons.forEach(r -> sb.append("reason ").append(r.line()).append('\n'));
        evidence.forEach(e -> sb.append("evidence ").append(e).append('\n'));
        return sb.toString();
    }

    static NodeRemoved read(Header h, Lines in) throws DecisionFormatException {
        VerifierKey node = NodeInfo.vkey(in.expect("node"), "node");
        List<Reason> reasons = Decisions.reasons(in, MAX_REASONS);
        List<String> evidence = in.repeated("evidence", MAX_EVIDENCE);
        in.end();
        return Decisions.build(() -> new NodeRemoved(h, node, reasons, evidence));
    }
}
