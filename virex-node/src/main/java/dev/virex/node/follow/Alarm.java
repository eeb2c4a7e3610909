package dev.virex.node.follow;

import java.time.Instant;

/**
 * Why a follower stopped following its log: evidence of misbehaviour, not a transient failure.
 * The node keeps its last verified routing table and says so on its health endpoint and in its
 * metrics; an operator has to look (docs/spec/nodes.md, "Failure modes").
 */
public record Alarm(Kind kind, String message, Instant at) {
    public enum Kind {
        /** The log showed two inconsistent trees (both checkpoints are kept as evidence). */
        SPLIT_VIEW("split-view"),
        /** An entry is not a decision signed by the federation's current group key, or not a decision at all. */
        BAD_ENTRY("bad-entry");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
