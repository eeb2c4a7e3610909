package dev.virex.bench;

import dev.virex.auditor.AuditState;
import dev.virex.auditor.MixnodeSeries.PointView;
import dev.virex.auditor.MixnodeSeries.SeriesView;
import dev.virex.auditor.NetworkView;
import dev.virex.auditor.dashboard.DashboardPage;
import dev.virex.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One view of the transparency dashboard ({@code GET /dashboard}: the whole page rendered and
 * escaped from a snapshot) against the baseline of the same snapshot written as JSON
 * ({@code GET /state}, which the page's script reads every 5 seconds). The snapshot is a full one
 * at the design's scale: 10,000 nodes (1,000 listed), 1,000 decisions, 100 checkpoints, 10,000
 * findings, 10,000 mixnodes with their latest figures, 24 plotted mixnodes of 60 intervals.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DashboardBench {
    static final int NODES = 10_000;
    static final String T = "2026-01-01T00:00:00Z";

    AuditState.Snapshot snapshot;

    @Setup
    public void setup() {
        List<NetworkView.NodeView> listed = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        String[] regions = {"eu-west", "eu-north", "us-east", "us-west", "ap-south", "ap-east", "sa-east", "af-south"};
        String[] roles = {"mixnode", "mixnode", "mixnode", "mailbox", "ods"};
        for (int i = 0; i < NODES; i++) {
            String role = roles[i % roles.length];
            String region = regions[i % regions.length];
            counts.computeIfAbsent(role, r -> new TreeMap<>()).merge(region, 1, Integer::sum);
            if (i >= NODES - NetworkView.MAX_NODES) {
                listed.add(new NetworkView.NodeView("node-" + i + ".bench.example", role, region, "10.0." + i / 250 + "." + i % 250 + ":4000",
                        100, "0.1.0", "operator-" + i / 10 + ".bench.example", i + 2, T));
            }
        }
        List<NetworkView.RemovedView> removed = new ArrayList<>();
        for (int i = 0; i < NetworkView.MAX_REMOVED; i++) {
            removed.add(new NetworkView.RemovedView("gone-" + i + ".bench.example", T));
        }
        Map<String, String> params = new TreeMap<>(dev.virex.core.decision.NetworkParams.DEFAULTS);
        NetworkView net = new NetworkView(NODES + 200, NODES, counts, listed, 120, removed, params, List.of());
        List<AuditState.CheckpointView> cps = new ArrayList<>();
        for (int i = 0; i < AuditState.MAX_CHECKPOINTS; i++) {
            cps.add(new AuditState.CheckpointView("log.bench.example", NODES + 200 - i, "x".repeat(44),
                    List.of("w1.bench.example", "w2.bench.example", "w3.bench.example"), "ab".repeat(32), T));
        }
        List<AuditState.DecisionView> decisions = new ArrayList<>();
        for (int i = 0; i < AuditState.MAX_DECISIONS; i++) {
            decisions.add(new AuditState.DecisionView(NODES + 200 - i, "join-approved", T,
                    List.of("m1.bench.example", "m3.bench.example", "m4.bench.example"),
                    "mixnode node-" + i + ".bench.example at 10.0.0.1:4000 <&>", true, i % 50 == 0 ? "warning" : "verified"));
        }
        List<AuditState.FindingView> findings = new ArrayList<>();
        for (int i = 0; i < AuditState.MAX_FINDINGS; i++) {
            findings.add(new AuditState.FindingView("join-burst-subnet", "warning", "4 approvals for subnet 10.0." + i + ".0/24 within 1 h",
                    List.of((long) i, (long) i + 1, (long) i + 2, (long) i + 3), List.of(), T));
        }
        List<AuditState.ParamView> history = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            history.add(new AuditState.ParamView(i, T, "abuse.effort-floor", Integer.toString(16 + i)));
        }
        List<AuditState.MixnodeView> mixnodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            mixnodes.add(new AuditState.MixnodeView("node-" + i + ".bench.example", 29_000_000 + i, T, 4800, 320, 32, 32, List.of(), T));
        }
        List<SeriesView> series = new ArrayList<>();
        List<PointView> total = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            total.add(new PointView(29_000_000 + p, Instant.parse(T).plusSeconds(60L * p).toString(), 4_800_000 + p * 1000, 320_000));
        }
        for (int s = 0; s < AuditState.MAX_SERIES; s++) {
            List<PointView> points = new ArrayList<>();
            for (int p = 0; p < 60; p++) {
                points.add(new PointView(29_000_000 + p, Instant.parse(T).plusSeconds(60L * p).toString(), 4800 + 16L * (p % 7), 320 + 16L * (p % 5)));
            }
            series.add(new SeriesView("node-" + s + ".bench.example", s < 2, points));
        }
        snapshot = new AuditState.Snapshot(12345, T, NODES + 200, null, cps, Map.of("join-approved", (long) NODES), decisions, 3, 10_000,
                findings, history, mixnodes, net, series, total);
    }

    @Benchmark
    public String render() {
        return DashboardPage.render(snapshot, "auditor.bench.example");
    }

    @Benchmark
    public byte[] baselineStateJson() {
        return Json.write(snapshot);
    }
}
