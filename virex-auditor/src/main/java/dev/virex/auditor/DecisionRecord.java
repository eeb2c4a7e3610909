package dev.virex.auditor;

import java.time.Instant;
import java.util.List;

/**
 * One verified log entry as the auditor's state keeps it: index, kind, decision time, the members
 * the attestation names (empty if it did not verify), a one-line summary, and whether the fold
 * applied it (false: an anomaly, reported as a finding).
 */
public record DecisionRecord(long index, String kind, Instant time, List<String> signers, String summary, boolean applied) {
    public DecisionRecord {
        signers = List.copyOf(signers);
    }
}
