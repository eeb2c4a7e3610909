package dev.virex.core.decision;

import dev.virex.core.Bytes;

/** The federation admits a node: it enters every routing table. {@code request} is the SHA-256 of the join request. */
public record JoinApproved(Header header, NodeInfo node, Bytes request) implements Decision {
    public JoinApproved {
        Decisions.requireKind(header, DecisionKind.JOIN_APPROVED);
        Decisions.requireHash(request, "request");
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(1024);
        header.write(sb);
        node.write(sb);
        sb.append("request ").append(request.toHex()).append('\n');
        return sb.toString();
    }

    static JoinApproved read(Header h, Lines in) throws DecisionFormatException {
        NodeInfo node = NodeInfo.read(in);
        Bytes request = Decisions.hash(in.expect("request"), "request");
        in.end();
        return new JoinApproved(h, node, request);
    }
}
