package dev.virex.core.decision;

/** The kinds of federation decision, with their names on the wire. */
public enum DecisionKind {
    FEDERATION_KEY("federation-key"),
    JOIN_APPROVED("join-approved"),
    JOIN_REJECTED("join-rejected"),
    NODE_REMOVED("node-removed"),
    PARAMS_CHANGED("params-changed"),
    EPOCH("epoch"),
    DIRECTORY("directory");

    private final String wire;

    DecisionKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static DecisionKind parse(String s) throws DecisionFormatException {
        for (DecisionKind k : values()) {
            if (k.wire.equals(s)) {
                return k;
            }
        }
        throw new DecisionFormatException("unknown decision kind '" + Lines.abbreviate(s) + "'");
    }
}
