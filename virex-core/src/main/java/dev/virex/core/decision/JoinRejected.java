package dev.virex.core.decision;

import dev.virex.core.Bytes;
import java.util.List;

/** The federation refuses a join request, with at least one reason. Rejections are logged too. */
public record JoinRejected(Header header, NodeInfo node, Bytes request, List<Reason> reasons) implements Decision {
    public static final int MAX_REASONS = 16;

    public JoinRejected {
        Decisions.requireKind(header, DecisionKind.JOIN_REJECTED);
        Decisions.requireHash(request, "request");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty() || reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("a rejection needs 1 to " + MAX_REASONS + " reasons");
        }
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(1024);
        header.write(sb);
        node.write(sb);
        sb.append("request ").append(request.toHex()).append('\n');
        reasons.forEach(r -> sb.append("reason ").append(r.line()).append('\n'));
        return sb.toString();
    }

    static JoinRejected read(Header h, Lines in) throws DecisionFormatException {
        NodeInfo node = NodeInfo.read(in);
        Bytes request = Decisions.hash(in.expect("request"), "request");
        List<Reason> reasons = Decisions.reasons(in, MAX_REASONS);
        in.end();
        return Decisions.build(() -> new JoinRejected(h, node, request, reasons));
    }
}
