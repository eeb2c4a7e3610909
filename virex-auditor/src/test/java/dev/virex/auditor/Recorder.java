package dev.virex.auditor;

import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what an audit reports, for assertions. */
final class Recorder implements AuditSink {
    final List<CheckpointSeen> checkpoints = new CopyOnWriteArrayList<>();
    final List<Finding> findings = new CopyOnWriteArrayList<>();
    final List<DecisionRecord> decisions = new CopyOnWriteArrayList<>();
    final List<MixnodeFigures> mixnodes = new CopyOnWriteArrayList<>();

    @Override
    public void checkpoint(CheckpointSeen seen) {
        checkpoints.add(seen);
    }

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void decision(DecisionRecord record) {
        decisions.add(record);
    }

    @Override
    public void enforcement(MixnodeFigures figures) {
        mixnodes.add(figures);
    }

    List<Finding> coded(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
