package dev.virex.cli.demo;

import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.SignerKey;
import dev.virex.node.agent.NodeSoftware;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scenario step "Sybil burst": the first operator, already running as many nodes as the
 * federation allows one operator, asks to add {@link #BURST} more at once, each with a valid key,
 * stamp and signatures. Every member refuses them on its own (the operator cap, counted over the
 * directory), and the logged rejections carry that reason.
 */
final class SybilStep {
    static final int BURST = 5;
    static final Duration WAIT = Duration.ofSeconds(60);

    private SybilStep() {}

    static void run(DemoNetwork net, Narrator n) throws Exception {
        SignerKey operator = net.operators.get(0);
        String op = Describe.shortName(operator.name());
        long running = net.watch.directory().nodes().values().stream().filter(a -> a.info().operator().equals(operator.verifierKey())).count();
        n.step("A Sybil burst: " + op + ", already running " + running + " nodes, asks to add " + BURST + " more at once",
                "Join Flow 7, \"Prevent Sybil attacks by requiring federation approval for every node\".");
        n.say("The federation's parameters allow one operator " + Federation.OPERATOR_CAP + " nodes (operator.max-nodes, decided at "
                + "genesis). " + op + " signs " + BURST + " join requests for new mixnodes, each with its own key and a valid PoW "
                + "stamp, and sends them to different members at the same moment.");
        SecureRandom random = new SecureRandom();
        List<Federation.Member> members = net.federation.members();
        Set<String> burst = new HashSet<>();
        List<String> ids = new ArrayList<>();
        List<URI> at = new ArrayList<>();
        long from = net.watch.size();
        for (int i = 1; i <= BURST; i++) {
            SignerKey node = SignerKey.generate("sybil-" + i + ".demo.example", random);
            URI member = members.get(i % members.size()).url();
            ids.add(net.joiner.submit(member, node, operator, info(node, operator, 40_000 + i)));
            at.add(member);
            burst.add(node.name());
        }
        int rejected = 0;
        while (rejected < BURST) {
            LogWatch.Seen s = net.watch.await(from, WAIT, "decision on the Sybil burst", x -> x.decision() instanceof JoinRejected r
                    && burst.contains(r.node().id()) || x.decision() instanceof JoinApproved a && burst.contains(a.node().id()));
            from = s.index() + 1;
            DemoFailure.check(s.decision() instanceof JoinRejected, "a node of the Sybil burst was admitted: " + Describe.entry(s));
            JoinRejected r = (JoinRejected) s.decision();
            DemoFailure.check(r.reasons().stream().map(Reason::code).anyMatch("operator-cap"::equals),
                    "a Sybil request was rejected for another reason than the operator cap: " + Describe.entry(s));
            n.say(Describe.entry(s));
            rejected++;
        }
        for (int i = 0; i < BURST; i++) {
            Joiner.Decided d = net.joiner.await(at.get(i), ids.get(i), WAIT);
            DemoFailure.check(!d.approved() && d.decision() instanceof JoinRejected, "join request " + ids.get(i) + " was not rejected");
        }
        long after = net.watch.directory().nodes().values().stream().filter(a -> a.info().operator().equals(operator.verifierKey())).count();
        DemoFailure.check(after == running, op + " runs " + after + " nodes after the burst, not " + running);
        n.done(BURST + " of " + BURST + " rejected, each signed by at least " + Describe.count(net.federation.threshold(), "member")
                + ", with the reason "
                + "\"operator-cap\" read from the logged decision; " + op + " still runs " + after + " nodes");
    }

    private static NodeInfo info(SignerKey node, SignerKey operator, int port) throws DecisionFormatException {
        return new NodeInfo(node.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("127.0.0.1:" + port),
                NodeAddress.parse("127.0.0.1:" + (port + 100)), "eu-west", 100, operator.verifierKey(), NodeSoftware.VERSION);
    }
}
