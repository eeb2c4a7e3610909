package dev.virex.core.decision;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import java.util.regex.Pattern;

/**
 * The operational information a node declares when it asks to join (the seed: "bandwidth, region,
 * operator ID", "approved VIREX software"), as carried by join requests and join decisions.
 * The node is identified by its Ed25519 note key; its key name is its node ID. {@code address} is
 * where peers and clients reach its service (for a mixnode, the packet port); {@code control} is
 * its HTTP control endpoint (federation probes, enforcement reports, metrics).
 */
public record NodeInfo(VerifierKey node, NodeRole role, NodeAddress address, NodeAddress control, String region,
                       long bandwidthMbps, VerifierKey operator, String software) {
    public static final long MAX_BANDWIDTH_MBPS = 1_000_000;
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern SOFTWARE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}");

    public NodeInfo {
        if (node.type() != SignatureType.ED25519 || operator.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("node and operator keys must be Ed25519 note keys");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must be 1 to 32 of [a-z0-9-], e.g. eu-west");
        }
        if (bandwidthMbps < 1 || bandwidthMbps > MAX_BANDWIDTH_MBPS) {
            throw new IllegalArgumentException("bandwidth must be 1 to " + MAX_BANDWIDTH_MBPS + " Mbit/s");
        }
        if (!SOFTWARE.matcher(software).matches()) {
            throw new IllegalArgumentException("software version must be 1 to 64 of [0-9A-Za-z.+-]");
        }
    }

    /** The node ID: its key name. */
    public String id() {
        return node.name();
    }

    /** Cap on the node-information lines alone. */
    public static final int MAX_TEXT = 4096;

    /**
     * The node-information lines exactly as decisions carry them ({@code node} to {@code software}),
     * so that join requests embed the same text.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(1024);
        write(sb);
        return sb.toString();
    }

    /** Parses exactly the node-information lines; {@code parse(t).text()} equals {@code t}. */
    public static NodeInfo parse(String text) throws DecisionFormatException {
        Lines in = new Lines(text, MAX_TEXT);
        NodeInfo n = read(in);
        in.end();
        if (!n.text().equals(text)) {
            throw new DecisionFormatException("node information is not in canonical form");
        }
        return n;
    }

    void write(StringBuilder sb) {
        sb.append("node ").append(node.encode()).append('\n')
                .append("role ").append(role.wire()).append('\n')
                .append("address ").append(address).append('\n')
                .append("control ").append(control).append('\n')
                .append("region ").append(region).append('\n')
                .append("bandwidth-mbps ").append(bandwidthMbps).append('\n')
                .append("operator ").append(operator.encode()).append('\n')
                .append("software ").append(software).append('\n');
    }

    static NodeInfo read(Lines in) throws DecisionFormatException {
        VerifierKey node = vkey(in.expect("node"), "node");
        NodeRole role = NodeRole.parse(in.expect("role"));
        NodeAddress address = NodeAddress.parse(in.expect("address"));
        NodeAddress control = NodeAddress.parse(in.expect("control"));
        String region = in.expect("region");
        long bw = Lines.number(in.expect("bandwidth-mbps"), 1, MAX_BANDWIDTH_MBPS, "bandwidth-mbps");
        VerifierKey operator = vkey(in.expect("operator"), "operator");
        String software = in.expect("software");
        try {
            return new NodeInfo(node, role, address, control, region, bw, operator, software);
        } catch (IllegalArgumentException e) {
            throw new DecisionFormatException(e.getMessage());
        }
    }

    static VerifierKey vkey(String value, String what) throws DecisionFormatException {
        try {
            VerifierKey k = VerifierKey.parse(value);
            if (k.type() != SignatureType.ED25519) {
                throw new DecisionFormatException(what + " key must be an Ed25519 note key");
            }
            return k;
        } catch (NoteException e) {
            throw new DecisionFormatException(what + " key: " + e.getMessage());
        }
    }
}
