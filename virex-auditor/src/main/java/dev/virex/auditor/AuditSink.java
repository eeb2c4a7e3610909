package dev.virex.auditor;

import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;

/**
 * Where an audit's results go: published as signed notices, kept as the auditor's state (which
 * the dashboard reads), printed as a report. Called from the auditor's one audit thread.
 */
public interface AuditSink {
    /** The network state after the entries of a verified checkpoint (called just before {@link #checkpoint}). */
    default void directory(dev.virex.core.decision.Directory directory) {}

    /** A checkpoint verified, with every entry up to its size. */
    void checkpoint(CheckpointSeen seen);

    /** Something found. */
    void finding(Finding finding);

    /** An entry verified and folded (for state and progress). */
    default void decision(DecisionRecord record) {}

    /** A mixnode's enforcement report checked. */
    default void enforcement(MixnodeFigures figures) {}

    /** A parameter change applied by the fold (the parameter history). */
    default void params(long index, java.time.Instant activation, java.util.SortedMap<String, String> values) {}

    /** Sends everything to each sink in turn. */
    static AuditSink all(AuditSink... sinks) {
        return new AuditSink() {
            @Override
            public void checkpoint(CheckpointSeen seen) {
                for (AuditSink s : sinks) {
                    s.checkpoint(seen);
                }
            }

            @Override
            public void directory(dev.virex.core.decision.Directory directory) {
                for (AuditSink s : sinks) {
                    s.directory(directory);
                }
            }

            @Override
            public void finding(Finding finding) {
                for (AuditSink s : sinks) {
                    s.finding(finding);
                }
            }

            @Override
            public void decision(DecisionRecord record) {
                for (AuditSink s : sinks) {
                    s.decision(record);
                }
            }

            @Override
            public void enforcement(MixnodeFigures figures) {
                for (AuditSink s : sinks) {
                    s.enforcement(figures);
                }
            }

            @Override
            public void params(long index, java.time.Instant activation, java.util.SortedMap<String, String> values) {
                for (AuditSink s : sinks) {
                    s.params(index, activation, values);
                }
            }
        };
    }
}
