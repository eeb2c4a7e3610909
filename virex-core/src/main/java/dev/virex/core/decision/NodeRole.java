package dev.virex.core.decision;

/** The kinds of node the seed names: mixnodes, mailbox servers and storage (ODS) servers. */
public enum NodeRole {
    MIXNODE("mixnode"),
    MAILBOX("mailbox"),
    ODS("ods");

    private final String wire;

    NodeRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static NodeRole parse(String s) throws DecisionFormatException {
        for (NodeRole r : values()) {
            if (r.wire.equals(s)) {
                return r;
            }
        }
        throw new DecisionFormatException("unknown node role '" + Lines.abbreviate(s) + "' (mixnode, mailbox or ods)");
    }
}
