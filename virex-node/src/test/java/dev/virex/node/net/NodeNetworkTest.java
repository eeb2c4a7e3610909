package dev.virex.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.http.HttpClients;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.follow.Alarm;
import dev.virex.node.routing.Peer;
import dev.virex.node.routing.RoutingTable;
import dev.virex.testkit.TestKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "done when": one real log over loopback, decisions signed by a FROST group, and 20 node
 * agents. A join appears in every routing table, a removal disappears from every one (and the
 * removed node stops serving), a forged entry is refused by every node.
 */
class NodeNetworkTest {
    static final int N = 20;

    @TempDir
    Path dir;

    static NodeRole role(int i) {
        return i < 2 ? NodeRole.MIXNODE : i % 2 == 0 ? NodeRole.MAILBOX : NodeRole.ODS;
    }

    static VerifierKey vkey(NodeAgent a) {
        return TestKeys.signer(a.id()).verifierKey();
    }

    /** Starts N agents, admits all of them, and checks that every table holds all N. */
    static List<NodeAgent> admitted(TestFederation fed, TestLog log, TestNodes nodes) throws Exception {
        log.append(fed.genesis());
        List<NodeAgent> agents = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            agents.add(nodes.start(TestNodes.name(i), role(i)));
        }
        for (NodeAgent a : agents) {
            assertThat(a.health().status()).isEqualTo("pending");
            assertThat(a.table().logSize()).isEqualTo(1);
        }
        for (int i = 0; i < N; i++) {
            log.append(fed.approve(TestNodes.info(agents.get(i), role(i))));
        }
        nodes.pollAll();
        for (NodeAgent a : agents) {
            assertThat(a.table().peers()).hasSize(N);
            assertThat(a.table().logSize()).isEqualTo(N + 1);
            assertThat(a.health().status()).isEqualTo("ok");
        }
        assertThat(agents.stream().map(NodeAgent::table).distinct()).hasSize(1);
        return agents;
    }

    @Test
    void joinsAndRemovalsReachEveryTableAndAForgedEntryIsRefusedByEveryNode() throws Exception {
        TestFederation fed = new TestFederation("network");
        try (TestLog log = new TestLog(dir, fed.vkey(), TestLog.FORGER.verifierKey());
             TestNodes nodes = new TestNodes(dir, log, fed)) {
            List<NodeAgent> agents = admitted(fed, log, nodes);
            RoutingTable t = agents.get(0).table();
            assertThat(t.byRole(NodeRole.MIXNODE)).hasSize(2).allMatch(p -> p.layer() >= 0 && p.layer() < t.layers());

            // A newcomer joins; a listening socket stands in for its service port.
            try (ServerSocket port = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                VerifierKey newcomer = TestKeys.signer("newcomer.nodes.test").verifierKey();
                String addr = "127.0.0.1:" + port.getLocalPort();
                log.append(fed.approve(TestFederation.info(newcomer, NodeRole.MAILBOX, addr, addr)));
                nodes.pollAll();
                assertThat(agents).allMatch(a -> a.table().contains(newcomer.name()));

                // Node 3 checks its peers (16 a round) and keeps a link to the newcomer.
                NodeAgent checker = agents.get(3);
                checker.checkPeersNow();
                checker.checkPeersNow();
                assertThat(checker.links().isOpen(newcomer.name())).isTrue();
                try (Socket link = port.accept()) {
                    link.setSoTimeout(10_000);
                    log.append(fed.remove(newcomer, "unreachable"));
                    nodes.pollAll();
                    assertThat(agents).noneMatch(a -> a.table().contains(newcomer.name()));
                    assertThat(checker.links().isOpen(newcomer.name())).isFalse();
                    assertThat(link.getInputStream().read()).as("the removed peer's connection is closed").isEqualTo(-1);
                }
                assertThat(text(get(agents.get(7).controlUri(), "/v1/routing"))).doesNotContain(newcomer.name())
                        .contains(agents.get(8).id());
            }

            // One of the agents is removed: everyone drops it, and it stops serving.
            NodeAgent victim = agents.get(5);
            assertThat(probe(victim).status()).isEqualTo(200);
            log.append(fed.remove(vkey(victim), "compromised"));
            nodes.pollAll();
            for (NodeAgent a : agents) {
                assertThat(a.table().contains(victim.id())).isEqualTo(false);
                assertThat(a.table().peers()).hasSize(N - 1);
            }
            assertThat(victim.removed()).get().asString().contains("compromised");
            HttpClients.Response health = get(victim.controlUri(), "/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(text(health)).contains("\"status\":\"removed\"");
            assertThat(probe(victim).status()).isEqualTo(410);
            assertThat(probe(agents.get(0)).status()).as("the mixnode's HTTP API answers probes").isEqualTo(200);

            // A forged entry (signed by another key under the federation's name) stops every follower.
            long before = log.size();
            log.append(fed.forged(TestLog.FORGER, vkey(agents.get(9))));
            log.append(fed.approve(TestFederation.info(TestKeys.signer("late.nodes.test").verifierKey(), NodeRole.ODS,
                    "127.0.0.1:9", "127.0.0.1:9")));
            nodes.pollAll();
            nodes.pollAll();
            for (NodeAgent a : agents) {
                assertThat(a.follower().alarm()).get().extracting(Alarm::kind).isEqualTo(Alarm.Kind.BAD_ENTRY);
                assertThat(a.table().logSize()).isEqualTo(before);
                assertThat(a.table().peers()).hasSize(N - 1).containsKey(agents.get(9).id());
            }
            HttpClients.Response alarmed = get(agents.get(1).controlUri(), "/health");
            assertThat(alarmed.status()).isEqualTo(503);
            assertThat(text(alarmed)).contains("\"status\":\"alarm\"", "bad-entry");
            assertThat(text(get(agents.get(2).controlUri(), "/metrics")))
                    .contains("virex_node_alarm 1.0");
        }
    }

    @Test
    void aSplitViewIsDetectedByEveryNodeAndKeptAsEvidence() throws Exception {
        TestFederation fed = new TestFederation("split");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            List<NodeAgent> agents = admitted(fed, log, nodes);
            // The same log key signs a second, longer history that diverges at the last entry the
            // nodes have: it drops the last approval and removes two nodes instead.
            List<Bytes> other = new ArrayList<>(log.entries.subList(0, log.entries.size() - 1));
            other.add(fed.remove(vkey(agents.get(4)), "framed"));
            other.add(fed.remove(vkey(agents.get(6)), "framed"));
            other.add(fed.remove(vkey(agents.get(8)), "framed"));
            log.front.switchTo(log.fork("b", other));
            nodes.pollAll();
            for (NodeAgent a : agents) {
                assertThat(a.follower().alarm()).get().extracting(Alarm::kind).isEqualTo(Alarm.Kind.SPLIT_VIEW);
                assertThat(a.table().peers()).hasSize(N);
                assertThat(dir.resolve(a.id()).resolve("state").resolve("evidence").toFile().list()).hasSize(1);
            }
        }
    }

    static HttpClients.Response get(URI base, String path) throws Exception {
        return HttpClients.exchange(HttpClients.newClient(), HttpClients.request(base.resolve(path), Duration.ofSeconds(10)).GET().build(),
                1 << 20);
    }

    static String text(HttpClients.Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static HttpClients.Response probe(NodeAgent a) throws Exception {
        Probe p = new Probe("member1.nodes.test", a.id(), Bytes.wrap(new byte[32]), TestFederation.T0.plusSeconds(3600));
        HttpRequest r = HttpClients.request(a.controlUri().resolve("/probe"), Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(p.text())).build();
        HttpClients.Response resp = HttpClients.exchange(HttpClients.newClient(), r, 4096);
        if (resp.status() == 200) {
            ProbeAnswer.verify(resp.body(), p, vkey(a), TestFederation.T0.plusSeconds(3600));
        }
        return resp;
    }

    static List<String> ids(List<Peer> peers) {
        return peers.stream().map(Peer::id).toList();
    }
}
