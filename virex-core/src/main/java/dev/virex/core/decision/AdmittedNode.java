package dev.virex.core.decision;

import java.time.Instant;

/** A node in the directory: what it declared, and the log index and time of its admission. */
public record AdmittedNode(NodeInfo info, long admittedIndex, Instant admittedAt) {
    public AdmittedNode {
        if (admittedIndex < 0) {
            throw new IllegalArgumentException("negative log index");
        }
    }

    public String id() {
        return info.id();
    }

    String line() {
        NodeInfo n = info;
        return String.join(" ", Long.toString(admittedIndex), Lines.format(admittedAt), n.node().encode(), n.role().wire(),
                n.address().toString(), n.control().toString(), n.region(), Long.toString(n.bandwidthMbps()), n.operator().encode(), n.software());
    }

    static AdmittedNode parse(String line) throws DecisionFormatException {
        String[] f = line.split(" ", -1);
        if (f.length != 10) {
            throw new DecisionFormatException("node line must have 10 fields");
        }
        long index = Lines.number(f[0], 0, Long.MAX_VALUE, "node admission index");
        Instant at = Lines.time(f[1]);
        NodeInfo info;
        try {
            info = new NodeInfo(NodeInfo.vkey(f[2], "node"), NodeRole.parse(f[3]), NodeAddress.parse(f[4]),
                    NodeAddress.parse(f[5]), f[6], Lines.number(f[7], 1, NodeInfo.MAX_BANDWIDTH_MBPS, "bandwidth"),
                    NodeInfo.vkey(f[8], "operator"), f[9]);
        } catch (IllegalArgumentException e) {
            throw new DecisionFormatException(e.getMessage());
        }
        return new AdmittedNode(info, index, at);
    }
}
