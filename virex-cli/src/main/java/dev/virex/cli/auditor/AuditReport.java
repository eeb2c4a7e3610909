package dev.virex.cli.auditor;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.DecisionRecord;
import dev.virex.auditor.MixnodeFigures;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Collects a one-shot audit's results and prints them as a report. */
final class AuditReport implements AuditSink {
    private final List<Finding> findings = new ArrayList<>();
    private final TreeMap<String, Long> kinds = new TreeMap<>();
    private final List<MixnodeFigures> mixnodes = new ArrayList<>();
    private CheckpointSeen last;

    @Override
    public void checkpoint(CheckpointSeen seen) {
        last = seen;
    }

    @Override
    public void finding(Finding f) {
        if (!findings.contains(f)) {
            findings.add(f);
        }
    }

    @Override
    public void decision(DecisionRecord r) {
        kinds.merge(r.kind(), 1L, Long::sum);
    }

    @Override
    public void enforcement(MixnodeFigures m) {
        mixnodes.add(m);
    }

    long violations() {
        return findings.stream().filter(Finding::isViolation).count();
    }

    void print(PrintWriter out, String origin) {
        if (last != null) {
            out.println("log " + origin + ": checkpoint of size " + last.size() + ", root " + last.root().toBase64()
                    + (last.cosigners().isEmpty() ? "" : ", cosigned by " + String.join(", ", last.cosigners())));
            last.directory().ifPresent(d -> out.println("directory after " + last.size() + " entries: sha256 " + d.toHex()));
        }
        long entries = kinds.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + k));
        out.println("verified " + entries + " entries" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)));
        if (!mixnodes.isEmpty()) {
            long bad = mixnodes.stream().filter(m -> !m.problems().isEmpty()).count();
            out.println("checked " + mixnodes.size() + " mixnodes: " + (mixnodes.size() - bad) + " enforce the parameters in force, "
                    + bad + " with problems");
        }
        long warnings = findings.size() - violations();
        out.println("findings: " + violations() + " violation" + (violations() == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s"));
        for (Finding f : findings) {
            out.println("  " + f.severity().wire().toUpperCase(java.util.Locale.ROOT) + " " + f.code() + entries(f) + ": " + f.subject());
        }
        out.flush();
    }

    private static String entries(Finding f) {
        if (f.entries().isEmpty()) {
            return "";
        }
        List<Long> e = f.entries();
        if (e.size() == 1) {
            return " [entry " + e.get(0) + "]";
        }
        boolean run = e.get(e.size() - 1) - e.get(0) == e.size() - 1;
        return run ? " [entries " + e.get(0) + "-" + e.get(e.size() - 1) + "]"
                : " [entries " + String.join(", ", e.stream().limit(10).map(String::valueOf).toList()) + (e.size() > 10 ? ", ..." : "") + "]";
    }
}
