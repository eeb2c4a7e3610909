package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Notice;
import dev.virex.client.HttpMixnodeApi;
import dev.virex.client.TcpIngress;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Scenario step "difficulty": a member's operator proposes a higher PoW effort floor with an
 * activation a few seconds ahead; the decision is logged; every mixnode announces the change
 * before it and enforces it from that second (read over each mixnode's {@code GET /v1/pow}, and a
 * frame at the old effort is refused); the auditor's signed checkpoint notice covers the decision
 * with a directory digest equal to this demo's own fold.
 */
final class DifficultyStep {
    static final String KEY = "abuse.effort-floor";
    static final int LEAD_SECONDS = 7;
    static final Duration WAIT = Duration.ofSeconds(60);

    private DifficultyStep() {}

    static void run(DemoNetwork net, Narrator n) throws Exception {
        long old = TrafficStep.floor(net);
        long raised = old * 4;
        n.step("The federation raises the PoW difficulty by an M-of-N decision; every mixnode applies it at its activation time",
                "Abuse Prevention 3 step 5, \"Federation members can update difficulty or thresholds via M-of-N decisions logged "
                        + "publicly\"; 6, \"Parameters logged for public verifiability\"; the sequence diagram's steps 4 to 6.");
        Instant activation = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(LEAD_SECONDS);
        int proposer = 1 % net.federation.members().size();
        n.say(Describe.shortName(net.federation.members().get(proposer).name()) + "'s operator proposes " + KEY + " " + old + " -> "
                + raised + " from " + activation + " (as 'virex federation "
                + "propose params --activation' does); the members vote by their policy.");
        long from = net.watch.size();
        try {
            net.federation.admin(proposer).propose(new AdminMessages.Propose("params", null, null, null,
                    activation.toString(), Map.of(KEY, Long.toString(raised))));
        } catch (FederationException e) {
            throw new DemoFailure("the member refused the parameter proposal (" + e.status() + "): " + e.getMessage(), e);
        }
        LogWatch.Seen s = net.watch.await(from, WAIT, "the parameter change",
                x -> x.decision() instanceof ParamsChanged p && Long.toString(raised).equals(p.params().get(KEY)));
        n.say(Describe.entry(s));
        List<AdmittedNode> mixnodes = Clients.mixnodesOf(net.watch);
        for (AdmittedNode m : mixnodes) {
            while (true) {
                JsonNode pow = net.web.json(control(m).resolve("/v1/pow"));
                DemoFailure.check(pow.path("effortFloor").asLong() == old, m.id() + " enforces " + pow.path("effortFloor").asLong()
                        + " before the activation, not " + old);
                if (pow.path("nextParams").asText().contains("effort-floor " + raised)) {
                    break;
                }
                DemoFailure.check(Instant.now().isBefore(activation.minusMillis(200)), m.id() + " did not announce the change before "
                        + "its activation (its log view lags)");
                Thread.sleep(50);
            }
        }
        n.say("before " + activation + ": all " + mixnodes.size() + " mixnodes still enforce " + old + " and announce the scheduled "
                + "change (GET /v1/pow, nextParams)");
        long wait = Duration.between(Instant.now(), activation).toMillis() + 100;
        Thread.sleep(Math.max(0, wait));
        for (AdmittedNode m : mixnodes) {
            long floor = net.web.json(control(m).resolve("/v1/pow")).path("effortFloor").asLong();
            DemoFailure.check(floor == raised, m.id() + " enforces " + floor + " after the activation, not " + raised);
        }
        n.say("from " + activation + ": all " + mixnodes.size() + " mixnodes enforce " + raised + " (GET /v1/pow 0.1 s after it)");
        AdmittedNode first = mixnodes.get(0);
        PowInfo info = new HttpMixnodeApi(control(first)).powInfo();
        ReplyFrame r;
        try (TcpIngress tcp = TcpIngress.connect(new InetSocketAddress(first.info().address().ip(), first.info().address().port()),
                InetAddress.getByName("127.0.3.1"), Duration.ofSeconds(10))) {
            r = tcp.submit(Frames.solved(info, old, "still paying the old effort", new SecureRandom()));
        }
        DemoFailure.check(r.reason().filter(RejectReason.EFFORT_TOO_LOW::equals).isPresent() && r.effortFloor() == raised,
                Describe.shortName(first.id()) + " did not refuse a frame at the old effort (reply: "
                        + r.reason().map(RejectReason::label).orElse("accepted") + ", floor " + r.effortFloor() + ")");
        n.say("a message still solved at effort " + old + " is refused by " + Describe.shortName(first.id()) + ": its reply frame says "
                + RejectReason.EFFORT_TOO_LOW.label() + ", floor " + r.effortFloor() + "; the clients re-solve at the new floor");
        Notice notice = Startup.awaitCheckpointNotice(net, s.index() + 1);
        CheckpointSeen cp = (CheckpointSeen) notice.subject();
        net.watch.await(cp.size() - 1, WAIT, "entry " + (cp.size() - 1), x -> true);
        DemoFailure.check(cp.directory().equals(net.watch.digestAt(cp.size())), "the auditor's notice " + notice.serial()
                + " names another directory than this demo's own fold of the first " + cp.size() + " entries");
        boolean listed = false;
        for (JsonNode p : net.web.json(net.auditor.url().resolve("/state")).path("params")) {
            listed |= p.path("index").asLong() == s.index() && KEY.equals(p.path("key").asText())
                    && Long.toString(raised).equals(p.path("value").asText());
        }
        DemoFailure.check(listed, "the auditor's /state does not list " + KEY + " " + raised + " decided at #" + s.index());
        n.say("auditor notice " + notice.serial() + " (signature verified): checkpoint of " + cp.size() + " entries, covering #"
                + s.index() + ", cosigned by " + Describe.names(cp.cosigners()) + ", with the digest of the same directory this "
                + "demo folded; its /state lists " + KEY + " " + raised + " decided at #" + s.index());
        n.done("difficulty " + old + " -> " + raised + " decided " + net.federation.threshold() + "-of-" + net.federation.members().size()
                + ", enforced by every mixnode from " + activation + ", announced by the auditor");
    }

    static URI control(AdmittedNode m) {
        return URI.create("http://" + m.info().control() + "/");
    }
}
