package dev.virex.auditor;

import dev.virex.auditor.MixnodeSeries.PointView;
import dev.virex.auditor.MixnodeSeries.SeriesView;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.text.Fields;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NodeRole;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the auditor knows, kept for people and for the transparency dashboard: recent verified
 * checkpoints with their cosigners, decisions with the members who signed them and their
 * verification status, findings, the history of parameter changes, the network of the latest
 * verified directory ({@link NetworkView}), and each mixnode's latest enforcement figures with their
 * recent history ({@link MixnodeSeries}). Bounded (the {@code MAX_*} limits drop the oldest),
 * rebuilt by re-auditing from genesis at start, read by HTTP threads as a {@link Snapshot} whose
 * {@code version} changes whenever anything does.
 */
public final class AuditState implements AuditSink {
    public static final int MAX_CHECKPOINTS = 100;
    public static final int MAX_DECISIONS = 1000;
    public static final int MAX_FINDINGS = 10_000;
    public static final int MAX_PARAMS = 10_000;
    /** Mixnodes whose history a snapshot carries (those with problems first, then the busiest). */
    public static final int MAX_SERIES = 24;

    /** A verified checkpoint as shown. */
    public record CheckpointView(String origin, long size, String root, List<String> cosigners, String directory, String seen) {}

    /**
     * A decision as shown. {@code status}: {@code verified}, or the worst severity of the findings
     * naming its entry ({@code warning}, {@code violation}).
     */
    public record DecisionView(long index, String kind, String time, List<String> signers, String summary, boolean applied,
                               String status) {}

    /** A finding as shown (evidence by name; the notice carries the bytes). */
    public record FindingView(String code, String severity, String subject, List<Long> entries, List<String> evidence, String found) {}

    /** One parameter value decided, with the entry that decided it. */
    public record ParamView(long index, String activation, String key, String value) {}

    /** A mixnode's latest enforcement figures. */
    public record MixnodeView(String node, long interval, String end, long accepted, long rejected, long reportedFloor,
                              long decidedFloor, List<String> problems, String checked) {}

    /**
     * Everything, at one moment. {@code network} is null before the genesis entry; {@code series}
     * holds up to {@link #MAX_SERIES} mixnodes, {@code total} every mixnode's figures summed.
     */
    public record Snapshot(long version, String time, long verifiedEntries, String halted, List<CheckpointView> checkpoints,
                           Map<String, Long> decisionCounts, List<DecisionView> decisions, long violations, long warnings,
                           List<FindingView> findings, List<ParamView> params, List<MixnodeView> mixnodes, NetworkView network,
                           List<SeriesView> series, List<PointView> total) {
        Snapshot withNetwork(NetworkView n) {
            return new Snapshot(version, time, verifiedEntries, halted, checkpoints, decisionCounts, decisions, violations, warnings,
                    findings, params, mixnodes, n, series, total);
        }
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<CheckpointView> checkpoints = new ArrayDeque<>();
    private final Deque<DecisionView> decisions = new ArrayDeque<>();
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final Deque<FindingView> findings = new ArrayDeque<>();
    private final Deque<ParamView> params = new ArrayDeque<>();
    private final TreeMap<String, MixnodeView> mixnodes = new TreeMap<>();
    private final MixnodeSeries series = new MixnodeSeries();
    /** Entries named by findings, with the worst severity (for the decisions' status); pruned with the decisions. */
    private final TreeMap<Long, String> flagged = new TreeMap<>();
    private Directory directory;
    private long version;
    private long entries;
    private long violations;
    private long warnings;
    private String halted;

    public AuditState(Clock clock) {
        this.clock = clock;
    }

    private String now() {
        return Fields.format(clock.instant());
    }

    @Override
    public void checkpoint(CheckpointSeen s) {
        CheckpointView v = new CheckpointView(s.origin(), s.size(), s.root().toBase64(), s.cosigners(),
                s.directory().map(d -> d.toHex()).orElse(null), now());
        locked(() -> bounded(checkpoints, v, MAX_CHECKPOINTS));
    }

    @Override
    public void directory(Directory d) {
        List<String> mix = d.nodesWithRole(NodeRole.MIXNODE).stream().map(AdmittedNode::id).toList();
        locked(() -> {
            directory = d;
            mixnodes.keySet().retainAll(mix);
            series.retain(mix);
        });
    }

    @Override
    public void finding(Finding f) {
        FindingView v = new FindingView(f.code(), f.severity().wire(), f.subject(), f.entries(),
                f.evidence().stream().map(Finding.Evidence::name).toList(), now());
        locked(() -> {
            if (findings.stream().anyMatch(x -> x.code().equals(v.code()) && x.subject().equals(v.subject()) && x.entries().equals(v.entries()))) {
                return;
            }
            bounded(findings, v, MAX_FINDINGS);
            for (long e : f.entries()) {
                flagged.merge(e, v.severity(), (a, b) -> a.equals("violation") ? a : b);
            }
            if (f.isViolation()) {
                violations++;
            } else {
                warnings++;
            }
        });
    }

    @Override
    public void decision(DecisionRecord r) {
        DecisionView v = new DecisionView(r.index(), r.kind(), Fields.format(r.time()), r.signers(), r.summary(), r.applied(),
                "verified");
        locked(() -> {
            bounded(decisions, v, MAX_DECISIONS);
            flagged.headMap(decisions.getFirst().index()).clear();
            counts.merge(r.kind(), 1L, Long::sum);
            entries = Math.max(entries, r.index() + 1);
        });
    }

    @Override
    public void enforcement(MixnodeFigures m) {
        MixnodeView v = new MixnodeView(m.node(), m.interval(), m.interval() < 0 ? null : Fields.format(m.end()), m.accepted(),
                m.rejected(), m.reportedFloor(), m.decidedFloor(), m.problems(), now());
        locked(() -> {
            mixnodes.put(m.node(), v);
            series.add(m);
        });
    }

    @Override
    public void params(long index, Instant activation, SortedMap<String, String> values) {
        locked(() -> values.forEach((k, val) -> bounded(params, new ParamView(index, Fields.format(activation), k, val), MAX_PARAMS)));
    }

    /** Marks the audit as stopped: the log cannot be followed past what {@code reason} says. */
    public void halted(String reason) {
        if (!reason.equals(halted)) {
            locked(() -> halted = reason);
        }
    }

    public Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot s;
        Directory d;
        lock.lock();
        try {
            List<DecisionView> ds = new ArrayList<>(decisions.size());
            decisions.descendingIterator().forEachRemaining(v -> ds.add(withStatus(v)));
            d = directory;
            s = new Snapshot(version, Fields.format(now), entries, halted, reversed(checkpoints), Map.copyOf(counts), ds, violations,
                    warnings, reversed(findings), reversed(params), List.copyOf(mixnodes.values()), null, series.top(MAX_SERIES, mixnodes),
                    series.total());
        } finally {
            lock.unlock();
        }
        // The directory is immutable: its view is built outside the lock, which the audit thread needs.
        return d == null ? s : s.withNetwork(NetworkView.of(d, now));
    }

    private DecisionView withStatus(DecisionView d) {
        String s = flagged.get(d.index());
        return s == null ? d : new DecisionView(d.index(), d.kind(), d.time(), d.signers(), d.summary(), d.applied(), s);
    }

    private static <T> List<T> reversed(Deque<T> d) {
        List<T> out = new ArrayList<>(d.size());
        d.descendingIterator().forEachRemaining(out::add);
        return out;
    }

    private static <T> void bounded(Deque<T> d, T v, int max) {
        d.addLast(v);
        while (d.size() > max) {
            d.removeFirst();
        }
    }

    private void locked(Runnable r) {
        lock.lock();
        try {
            version++;
            r.run();
        } finally {
            lock.unlock();
        }
    }
}
