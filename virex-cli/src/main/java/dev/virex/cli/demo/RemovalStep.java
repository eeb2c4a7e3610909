package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.federation.api.AdminMessages;
import dev.virex.federation.api.FederationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario step "removal": a member's operator proposes to remove a mixnode caught misbehaving
 * (the incident is staged), M members vote yes, the decision is logged, and every other node drops
 * the node from its routing table. Measures, with each node's own table-swap notification, how
 * long after the proposal the last table dropped it; then checks every table over HTTP, and that
 * the removed node stopped serving.
 */
final class RemovalStep {
    static final Duration WAIT = Duration.ofSeconds(60);

    private RemovalStep() {}

    static void run(DemoNetwork net, Narrator n) throws Exception {
        List<NodeFleet.Node> mix = net.nodes.mixnodes();
        NodeFleet.Node bad = mix.get(mix.size() - 1);
        String id = bad.id();
        n.step("A malicious node is removed and leaves every routing table",
                "Join Flow 7, \"Support fast removal if a node becomes malicious or compromised\"; 3 step 4, \"Existing nodes update "
                        + "their routing tables\".");
        n.say("Staged incident: " + Describe.shortName(id) + " is caught replaying client messages. member-1's operator proposes "
                + "its removal with the evidence (as 'virex federation propose remove' does); the other members vote by their policy.");
        List<NodeFleet.Node> others = net.nodes.all().stream().filter(x -> x != bad).toList();
        Map<String, Long> dropped = new ConcurrentHashMap<>();
        for (NodeFleet.Node o : others) {
            o.agent().follower().addListener((before, after, update) -> {
                if (before.contains(id) && !after.contains(id)) {
                    dropped.putIfAbsent(o.id(), System.nanoTime());
                }
            });
        }
        long from = net.watch.size();
        long proposed = System.nanoTime();
        try {
            net.federation.admin(0).propose(new AdminMessages.Propose("remove", id,
                    List.of("malicious replays client messages (incident staged by the demo)"),
                    List.of("https://incidents.demo.example/2026/mix-replays"), null, null));
        } catch (FederationException e) {
            throw new DemoFailure("member-1 refused the removal proposal (" + e.status() + "): " + e.getMessage(), e);
        }
        LogWatch.Seen s = net.watch.await(from, WAIT, "removal of " + id, x -> x.decision() instanceof NodeRemoved r && r.nodeId().equals(id));
        n.say(Describe.entry(s));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dropped.size() < others.size()) {
            DemoFailure.check(System.nanoTime() < deadline, "after 30 s only " + dropped.size() + " of " + others.size()
                    + " nodes had dropped " + id);
            Thread.sleep(20);
        }
        long last = dropped.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long first = dropped.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        n.say("proposal to logged decision: " + Describe.millis((s.seenNanos() - proposed) / 1e9) + "; the " + others.size()
                + " other nodes dropped it from their routing tables " + Describe.millis((first - proposed) / 1e9) + " to "
                + Describe.millis((last - proposed) / 1e9) + " after the proposal; propagation from the log to the last table: "
                + Describe.millis(Math.max(0, last - s.seenNanos()) / 1e9) + " (nodes poll the log every 500 ms)");
        for (NodeFleet.Node o : others) {
            JsonNode routing = net.web.json(o.control().resolve("/v1/routing"));
            for (JsonNode p : routing.path("peers")) {
                DemoFailure.check(!p.path("node").asText().equals(id), o.id() + " still lists " + id + " in GET /v1/routing");
            }
        }
        JsonNode health = net.web.json(bad.control().resolve("/health"));
        while (!"removed".equals(health.path("status").asText())) {
            DemoFailure.check(System.nanoTime() < deadline, id + " does not report itself removed: " + health);
            Thread.sleep(50);
            health = net.web.json(bad.control().resolve("/health"));
        }
        DemoFailure.check(!accepts(NodeFleet.packet(bad)), id + " still accepts connections on its packet port");
        n.say("GET /v1/routing on each of the " + others.size() + " other nodes: " + Describe.shortName(id) + " is gone; "
                + Describe.shortName(id) + " itself reports \"removed\" (GET /health) and its packet port refuses connections");
        n.done(Describe.shortName(id) + " left every routing table " + Describe.millis((last - proposed) / 1e9) + " after the proposal");
    }

    private static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket sock = new Socket()) {
            sock.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
