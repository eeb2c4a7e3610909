package dev.virex.cli.demo;

import dev.virex.client.HttpMixnodeApi;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.note.NoteException;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.core.pow.ReportFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The flooded mixnode's signed enforcement report of the interval in the middle of the flood,
 * checked as an auditor checks one (docs/spec/auditor.md, "Enforcement verification"): fetched from
 * its control endpoint, verified under its key over the exact bytes, compared with the parameters
 * the log says were in force at the interval's last instant, and showing the flood's rejections.
 */
final class FloodReport {
    static final Duration WAIT = Duration.ofSeconds(30);

    private FloodReport() {}

    static EnforcementReport check(DemoNetwork net, DemoNetwork.Flooded flooded) throws Exception {
        AdmittedNode node = net.watch.directory().nodes().get(flooded.mixnode());
        DemoFailure.check(node != null, flooded.mixnode() + " is no longer in the directory");
        long length = NodeFleet.REPORT_INTERVAL.toSeconds();
        long interval = Math.floorDiv(flooded.start().plus(FloodStep.FLOOD.dividedBy(2)).getEpochSecond(), length);
        HttpMixnodeApi api = new HttpMixnodeApi(DifficultyStep.control(node));
        long deadline = System.nanoTime() + WAIT.toNanos();
        byte[] note;
        while (true) {
            try {
                note = api.report(interval);
                break;
            } catch (IOException notYet) {
                DemoFailure.check(System.nanoTime() < deadline, flooded.mixnode() + " published no report of interval " + interval
                        + " within " + WAIT.toSeconds() + " s: " + notYet.getMessage());
                Thread.sleep(200);
            }
        }
        EnforcementReport r;
        try {
            r = EnforcementReport.open(note, node.info().node());
        } catch (NoteException | ReportFormatException e) {
            throw new DemoFailure(flooded.mixnode() + "'s report of interval " + interval + " does not verify: " + e.getMessage(), e);
        }
        AbuseParams decided = decided(net, r.end().minusNanos(1));
        DemoFailure.check(r.problemsAgainst(decided).isEmpty(), flooded.mixnode() + "'s report of the flood does not match the "
                + "parameters in force: " + r.problemsAgainst(decided));
        DemoFailure.check(r.rejectedTotal() > r.accepted(), flooded.mixnode() + "'s report of the flood shows " + r.accepted()
                + " accepted and only " + r.rejectedTotal() + " rejected");
        return r;
    }

    private static AbuseParams decided(DemoNetwork net, Instant at) {
        try {
            return NetworkParams.of(net.watch.directory().paramsAt(at)).abuse();
        } catch (DecisionFormatException e) {
            throw new DemoFailure("the logged parameters do not parse: " + e.getMessage(), e);
        }
    }
}
