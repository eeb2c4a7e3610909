package dev.virex.auditor.enforce;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.MixnodeFigures;
import dev.virex.auditor.check.DecidedParams;
import dev.virex.auditor.config.Limits;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.NoteException;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.core.pow.ParamsFormatException;
import dev.virex.core.pow.ReportFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforcement verification (the Abuse Prevention seed, step 6: "Auditors verify enforcement by
 * analyzing logs and message acceptance statistics"): for every admitted mixnode, reads its latest
 * signed enforcement report and its metrics from the control address in the directory, verifies
 * the report under the node's key ({@link EnforcementReport#open}), and compares it with the
 * parameters the log says were in force ({@link EnforcementReport#problemsAgainst}). A mixnode
 * that accepts messages below the decided effort floor, or reports against other parameters, does
 * not enforce: a violation. An implausible rejection share or a stale report is a warning.
 *
 * <p>Every interval is checked, not only the latest one: the caller keeps, across rounds, the last
 * interval checked per mixnode ({@code checked}), and the reports published since then (at most
 * {@value #MAX_CATCH_UP} intervals back) are fetched and checked in order before the latest. A
 * report the mixnode no longer serves is skipped.
 */
public final class EnforcementCheck {
    private static final Logger log = LoggerFactory.getLogger(EnforcementCheck.class);
    static final String FLOOR_GAUGE = "virex_pow_effort_floor";
    /** Missed intervals fetched per mixnode and round, at most (a mixnode keeps 1440). */
    static final int MAX_CATCH_UP = 60;

    private final Function<AdmittedNode, MixnodeReader> readers;
    private final Limits limits;
    private final AuditSink sink;
    private final Map<String, Long> checked;

    /**
     * @param checked the last interval checked per mixnode ID, kept by the caller across rounds and
     *     updated by {@link #run}
     */
    public EnforcementCheck(Function<AdmittedNode, MixnodeReader> readers, Limits limits, AuditSink sink, Map<String, Long> checked) {
        this.readers = readers;
        this.limits = limits;
        this.sink = sink;
        this.checked = checked;
    }

    /** Checks every mixnode of {@code directory} once; returns how many were found not to enforce. */
    public int run(Directory directory, Instant now) {
        int failing = 0;
        for (AdmittedNode n : directory.nodesWithRole(NodeRole.MIXNODE)) {
            if (!check(n, directory, now)) {
                failing++;
            }
        }
        return failing;
    }

    private boolean check(AdmittedNode n, Directory directory, Instant now) {
        String id = n.id();
        MixnodeReader reader = readers.apply(n);
        byte[] note;
        try {
            note = reader.latestReport();
        } catch (IOException e) {
            log.info("mixnode {}: no enforcement report: {}", id, e.getMessage());
            sink.finding(warning("enforcement-unreachable", "mixnode " + id + " did not serve its enforcement report at "
                    + n.info().control(), List.of(n.admittedIndex()), List.of()));
            sink.enforcement(MixnodeFigures.unchecked(id, "unreachable", 0));
            return true;
        }
        EnforcementReport report;
        try {
            report = EnforcementReport.open(note, n.info().node());
        } catch (NoteException | ReportFormatException e) {
            sink.finding(violation("enforcement-report-invalid", "mixnode " + id + " served a report that does not verify: "
                    + e.getMessage(), n, note));
            sink.enforcement(MixnodeFigures.unchecked(id, "invalid report", 0));
            return false;
        }
        boolean enforcing = true;
        Long last = checked.get(id);
        if (last != null && report.interval() > last + 1) {
            for (long i = Math.max(last + 1, report.interval() - MAX_CATCH_UP); i < report.interval(); i++) {
                enforcing &= missed(reader, n, directory, now, i);
            }
        }
        checked.put(id, report.interval());
        return judge(report, note, n, directory, now, Optional.of(reader)) && enforcing;
    }

    /** Fetches and judges the report of an interval that an earlier round did not see; a report no longer kept is skipped. */
    private boolean missed(MixnodeReader reader, AdmittedNode n, Directory directory, Instant now, long interval) {
        byte[] note;
        EnforcementReport report;
        try {
            note = reader.report(interval);
            report = EnforcementReport.open(note, n.info().node());
        } catch (IOException | NoteException | ReportFormatException e) {
            log.debug("mixnode {}: report of interval {} skipped: {}", n.id(), interval, e.getMessage());
            return true;
        }
        if (report.interval() != interval) {
            sink.finding(violation("enforcement-report-invalid", "mixnode " + n.id() + " served interval " + report.interval()
                    + " for interval " + interval, n, note));
            return false;
        }
        return judge(report, note, n, directory, now, Optional.empty());
    }

    /**
     * Judges one verified report against the parameters in force at its end; with {@code latest},
     * the mixnode's current metrics and the report's age are checked too.
     */
    private boolean judge(EnforcementReport report, byte[] note, AdmittedNode n, Directory directory, Instant now,
                          Optional<MixnodeReader> latest) {
        String id = n.id();
        AbuseParams decided;
        try {
            // In force at the interval's last instant: an interval is [start, end), and a change
            // activating at end belongs to the next one (docs/spec/pow.md, "Enforcement report").
            decided = DecidedParams.at(directory, report.end().minusNanos(1));
        } catch (ParamsFormatException e) {
            return true; // the decision that made the set invalid was reported when it was folded
        }
        List<String> problems = new ArrayList<>(report.problemsAgainst(decided));
        boolean belowFloor = report.effortFloor() < decided.effortFloor() && report.accepted() > 0;
        if (belowFloor) {
            sink.finding(violation("enforcement-below-floor", "mixnode " + id + " reports " + report.accepted()
                    + " messages accepted in interval " + report.interval() + " at effort floor " + report.effortFloor()
                    + ", below the decided floor " + decided.effortFloor(), n, note));
        } else if (!problems.isEmpty()) {
            sink.finding(violation("enforcement-mismatch", "mixnode " + id + ", interval " + report.interval() + ": "
                    + String.join("; ", problems), n, note));
        }
        latest.flatMap(reader -> metricsFloor(reader, id)).filter(f -> f < decided.effortFloor()).ifPresent(f -> {
            problems.add("metrics show effort floor " + f);
            sink.finding(Finding.of("enforcement-metrics-below-floor", Finding.Severity.VIOLATION, "mixnode " + id
                    + " publishes effort floor " + f + " in its metrics, below the decided floor " + decided.effortFloor(),
                    List.of(n.admittedIndex()), List.of()));
        });
        plausibility(report, id, n, note, now, problems, latest.isPresent());
        sink.enforcement(new MixnodeFigures(id, report.interval(), report.end(), report.accepted(), report.rejectedTotal(),
                report.effortFloor(), decided.effortFloor(), problems));
        return !belowFloor && report.problemsAgainst(decided).isEmpty();
    }

    private void plausibility(EnforcementReport r, String id, AdmittedNode n, byte[] note, Instant now, List<String> problems,
                              boolean latest) {
        long total = r.accepted() + r.rejectedTotal();
        if (total >= limits.rejectionVolume() && r.rejectedTotal() * 100 > (long) limits.maxRejectedPercent() * total) {
            problems.add("implausible rejection share");
            sink.finding(warning("enforcement-implausible", "mixnode " + id + " rejected " + r.rejectedTotal() + " of " + total
                    + " messages in interval " + r.interval() + ", more than " + limits.maxRejectedPercent() + "%",
                    List.of(n.admittedIndex()), List.of(new Finding.Evidence("report", Bytes.of(note)))));
        }
        Duration length = Duration.between(r.start(), r.end());
        Duration allowed = length.multipliedBy(10).compareTo(Duration.ofMinutes(10)) > 0 ? length.multipliedBy(10) : Duration.ofMinutes(10);
        if (latest && r.end().plus(allowed).isBefore(now)) {
            problems.add("stale report");
            sink.finding(warning("enforcement-stale-report", "mixnode " + id + " serves interval " + r.interval()
                    + " as its latest report", List.of(n.admittedIndex()), List.of(new Finding.Evidence("report", Bytes.of(note)))));
        }
    }

    private static Optional<Long> metricsFloor(MixnodeReader reader, String id) {
        try {
            Optional<byte[]> text = reader.metrics();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return PrometheusText.parse(text.get()).value(FLOOR_GAUGE).filter(v -> !v.isNaN()).map(v -> (long) Math.floor(v));
        } catch (IOException | MetricsFormatException e) {
            log.debug("mixnode {}: metrics unreadable: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private static Finding violation(String code, String subject, AdmittedNode n, byte[] note) {
        List<Finding.Evidence> ev = note.length <= Finding.MAX_EVIDENCE_BYTES && note.length > 0
                ? List.of(new Finding.Evidence("report", Bytes.of(note))) : List.of();
        return Finding.of(code, Finding.Severity.VIOLATION, subject, List.of(n.admittedIndex()), ev);
    }

    private static Finding warning(String code, String subject, List<Long> entries, List<Finding.Evidence> ev) {
        return Finding.of(code, Finding.Severity.WARNING, subject, entries, ev);
    }
}
