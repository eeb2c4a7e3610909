package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.cli.KeyFiles;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.note.SignerKey;
import dev.virex.node.agent.NodeSoftware;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step "nodes join": starts the node agents, has each node's operator submit a join request, and
 * narrates the logged decisions as the members approve them; then checks that every node's
 * routing table, read over its control endpoint, lists every admitted node.
 */
final class Admission {
    static final Duration WAIT = Duration.ofSeconds(90);

    private final DemoNetwork net;
    private final DemoOptions options;
    private final Narrator n;

    Admission(DemoNetwork net, DemoOptions options, Narrator n) {
        this.net = net;
        this.options = options;
        this.n = n;
    }

    void run() throws Exception {
        int k = options.nodes();
        n.step(k + " nodes join: " + options.mixnodes() + " mixnodes, a mailbox and an ODS server",
                "Join Flow 3 steps 1 to 4; 5, \"minimum uptime and security requirements\", \"operational information (bandwidth, "
                        + "region, operator ID)\", \"approved VIREX software\".");
        SecureRandom random = new SecureRandom();
        Path opDir = net.dir.resolve("operators");
        Files.createDirectories(opDir);
        for (int i = 0; i < (k + Federation.OPERATOR_CAP - 1) / Federation.OPERATOR_CAP; i++) {
            SignerKey op = SignerKey.generate("operator-" + (char) ('a' + i) + ".demo.example", random);
            KeyFiles.writeNew(opDir.resolve(Describe.shortName(op.name()) + ".key"), op);
            net.operators.add(op);
        }
        List<URI> bootstrap = net.federation.members().stream().limit(2).map(m -> URI.create(m.url() + "/")).toList();
        net.nodes = NodeFleet.start(net.dir.resolve("nodes"), k, net.federation.group(), net.policyFile, bootstrap, net.operators, random);
        net.joiner = new Joiner(net.watch, net.federation.group(), net.log.key(), net.web.client());
        n.say("Each node starts \"pending\": it follows the log and answers probes. Its operator signs a join request declaring "
                + "role, region, bandwidth, operator key and software " + NodeSoftware.VERSION + ", with a PoW stamp at the join "
                + "effort, and submits it to a member. Every member checks it, probes the node twice 2 s apart (probation), and votes; "
                + "once " + options.threshold() + " vote yes, the yes-voters sign the decision together (one FROST signature) and it is "
                + "logged.");
        long from = net.watch.size();
        List<String> ids = new ArrayList<>();
        List<URI> at = new ArrayList<>();
        List<Federation.Member> members = net.federation.members();
        for (int i = 0; i < k; i++) {
            NodeFleet.Node node = net.nodes.all().get(i);
            URI member = members.get(i % members.size()).url();
            ids.add(net.joiner.submit(member, node.key(), node.operator(), node.info()));
            at.add(member);
        }
        Set<String> admitted = new HashSet<>();
        while (admitted.size() < k) {
            LogWatch.Seen s = net.watch.await(from, WAIT, "decision on the join requests",
                    x -> x.decision() instanceof JoinApproved || x.decision() instanceof JoinRejected);
            from = s.index() + 1;
            DemoFailure.check(s.decision() instanceof JoinApproved, "a node was refused: " + Describe.entry(s));
            JoinApproved a = (JoinApproved) s.decision();
            admitted.add(a.node().id());
            n.say(Describe.entry(s) + "; " + Describe.shortName(a.node().operator().name()));
        }
        for (int i = 0; i < k; i++) {
            Joiner.Decided d = net.joiner.await(at.get(i), ids.get(i), WAIT);
            DemoFailure.check(d.approved(), "join request " + ids.get(i) + " was not approved");
        }
        n.say("Every operator's receipt (the decision and a C2SP tlog-proof) verifies offline with the group and log keys.");
        long last = net.watch.size();
        awaitTables(admitted, last);
        n.done(k + " of " + k + " nodes admitted; each node's routing table (GET /v1/routing) lists all " + k + ", each reports "
                + "\"ok\" (GET /health)");
    }

    /** Waits until every node's table, read over HTTP, holds {@code admitted} and its health says ok. */
    private void awaitTables(Set<String> admitted, long logSize) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (NodeFleet.Node node : net.nodes.all()) {
            while (true) {
                JsonNode routing = net.web.json(node.control().resolve("/v1/routing"));
                Set<String> listed = new HashSet<>();
                routing.path("peers").forEach(p -> listed.add(p.path("node").asText()));
                String status = net.web.json(node.control().resolve("/health")).path("status").asText();
                if (listed.containsAll(admitted) && "ok".equals(status)) {
                    break;
                }
                DemoFailure.check(System.nanoTime() < deadline, node.id() + " does not list every admitted node after 30 s (lists "
                        + listed.size() + ", status " + status + ", log size " + routing.path("logSize").asLong() + " of " + logSize + ")");
                Thread.sleep(100);
            }
        }
    }
}
