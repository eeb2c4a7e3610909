package dev.virex.core.decision;

import java.util.Optional;

/**
 * What folding one entry did: the decision, and an anomaly when the decision was well signed but
 * could not apply (a replay, a stale time, a removal of an unknown node, a snapshot that differs
 * from the fold). Anomalies leave the state unchanged; auditors report them.
 */
public record FoldOutcome(long index, Decision decision, Optional<String> anomaly) {
    public boolean applied() {
        return anomaly.isEmpty();
    }
}
