package dev.virex.federation.store;

/** What a proposal asks the federation to decide. */
public enum ProposalKind {
    /** A node's join request: approve or reject it. */
    JOIN("join"),
    /** A member proposes to remove a node. */
    REMOVE("remove"),
    /** A member proposes a parameter change. */
    PARAMS("params");

    private final String wire;

    ProposalKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ProposalKind of(String s) {
        for (ProposalKind k : values()) {
            if (k.wire.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown proposal kind " + s);
    }
}
