package dev.virex.federation.monitor;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.federation.MemberContext;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.decide.DecisionRequest;
import dev.virex.federation.decide.ProposalBody;
import dev.virex.federation.decide.ProposalDesk;
import dev.virex.federation.decide.Refusal;
import dev.virex.federation.review.ProbeResult;
import dev.virex.federation.review.Prober;
import dev.virex.federation.store.ProposalKind;
import dev.virex.federation.store.Records;
import dev.virex.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors admitted nodes after they join (the seed: "monitor node behavior post-join"): probes
 * each one every interval (reachability, key possession, approved software), keeps its uptime,
 * and proposes its removal, citing the failed probes' report hashes as evidence, once it has
 * failed for longer than the policy allows.
 */
public final class Monitor {
    private static final Logger log = LoggerFactory.getLogger(Monitor.class);
    /** Probes per node that uptime is computed over. */
    public static final int WINDOW = 100;

    private final MemberContext ctx;
    private final Prober prober;
    private final ProposalDesk desk;

    public Monitor(MemberContext ctx, Prober prober, ProposalDesk desk) {
        this.ctx = ctx;
        this.prober = prober;
        this.desk = desk;
    }

    public void tick() {
        ReviewPolicy.Monitoring m = ctx.policy().monitoring();
        Directory d = ctx.log().directory().orElse(null);
        if (!m.enabled() || d == null || d.nodes().isEmpty()) {
            return;
        }
        Set<String> software;
        try {
            software = new LinkedHashSet<>(NetworkParams.of(d.paramsAt(ctx.now())).approvedSoftware());
        } catch (DecisionFormatException e) {
            return;
        }
        software.addAll(ctx.policy().approvedSoftware());
        Duration interval = Duration.ofSeconds(m.intervalSeconds());
        List<AdmittedNode> due = d.nodes().values().stream().filter(n -> {
            List<Records.Probe> last = ctx.store().probes(subject(n.id()), 1);
            return last.isEmpty() || !ctx.now().isBefore(last.get(0).at().plus(interval));
        }).toList();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AdmittedNode n : due) {
                pool.submit(() -> {
                    ProbeResult r = prober.probe(n.info(), ctx.policy().probation().timeout(), software);
                    ctx.store().addProbe(new Records.Probe(subject(n.id()), n.id(), r.time(), r.ok(), r.detail(), r.reportHash()));
                });
            }
        }
        for (AdmittedNode n : d.nodes().values()) {
            maybePropose(n, Duration.ofSeconds(m.removeAfterSeconds()));
        }
    }

    private void maybePropose(AdmittedNode n, Duration removeAfter) {
        List<Records.Probe> streak = new ArrayList<>();
        for (Records.Probe p : ctx.store().probes(subject(n.id()), 64)) {
            if (p.ok()) {
                break;
            }
            streak.add(p);
        }
        if (streak.size() < 2 || ctx.now().isBefore(streak.get(streak.size() - 1).at().plus(removeAfter)) || proposed(n)) {
            return;
        }
        Instant since = streak.get(streak.size() - 1).at();
        List<String> evidence = streak.stream().limit(16).map(p -> "probe:" + p.reportHash()).toList();
        String reason = "probe-failed no valid probe answer since " + since + " (" + streak.size() + " probes): " + streak.get(0).detail();
        try {
            String id = desk.propose(ProposalBody.remove(ctx.self(), ctx.second(), n.info().node(),
                    List.of(DecisionRequest.normalize(reason)), evidence));
            log.info("node {} failing since {}: removal proposed ({})", n.id(), since, id.substring(0, 12));
        } catch (Refusal | IllegalArgumentException e) {
            log.warn("cannot propose removal of {}: {}", n.id(), e.getMessage());
        }
    }

    private boolean proposed(AdmittedNode n) {
        for (Records.Proposal p : ctx.store().openProposals()) {
            if (p.kind() == ProposalKind.REMOVE) {
                try {
                    ProposalBody b = Json.MAPPER.readValue(p.body().toArray(), ProposalBody.class);
                    if (b.nodeKey().equals(n.info().node())) {
                        return true;
                    }
                } catch (java.io.IOException | IllegalArgumentException e) {
                    // a damaged proposal does not count
                }
            }
        }
        return false;
    }

    /** This member's view of a node's health from its monitoring probes. */
    public NodeHealth health(String node) {
        List<Records.Probe> ps = ctx.store().probes(subject(node), WINDOW);
        int ok = (int) ps.stream().filter(Records.Probe::ok).count();
        Instant lastOk = ps.stream().filter(Records.Probe::ok).map(Records.Probe::at).findFirst().orElse(null);
        Instant failingSince = null;
        for (Records.Probe p : ps) {
            if (p.ok()) {
                break;
            }
            failingSince = p.at();
        }
        return new NodeHealth(node, ps.size(), ok, ps.isEmpty() ? 0 : (double) ok / ps.size(), text(lastOk), text(failingSince),
                ps.isEmpty() ? "" : ps.get(0).detail());
    }

    private static String text(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String subject(String node) {
        return "node:" + node;
    }
}
