package dev.virex.node.net;

import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.http.HttpClients;
import dev.virex.node.MixnodeOptions;
import dev.virex.node.agent.AgentOptions;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.agent.NodeConfig;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Node agents for tests: key, policy and configuration files written, timers off (tests poll). */
public final class TestNodes implements AutoCloseable {
    final MutableClock clock = new MutableClock(TestFederation.T0.plusSeconds(3600));
    final HttpClient http = HttpClients.newClient();
    final List<NodeAgent> agents = new ArrayList<>();
    private final Path dir;
    private final TestLog log;
    private final TestFederation federation;
    boolean quorumNone;

    TestNodes(Path dir, TestLog log, TestFederation federation) {
        this.dir = dir;
        this.log = log;
        this.federation = federation;
    }

    static String name(int i) {
        return "node" + i + ".nodes.test";
    }

    /** Writes the files of node {@code name} and returns its configuration. */
    NodeConfig config(String name, NodeRole role, List<URI> bootstrap) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        SignerKey key = TestKeys.signer(name);
        Files.writeString(home.resolve("node.key"), key.encode(SecretAccess.grant()) + "\n");
        Files.writeString(home.resolve("policy.txt"), log.policy(quorumNone));
        String text = NodeConfig.VERSION + "\n# test node\nkey node.key\nrole " + role.wire() + "\nfederation "
                + federation.vkey().encode() + "\npolicy policy.txt\nstate state\ncontrol 127.0.0.1:0\n"
                + (role == NodeRole.MIXNODE ? "listen 127.0.0.1:0\n" : "")
                + bootstrap.stream().map(u -> "bootstrap " + u + "\n").collect(Collectors.joining());
        Files.writeString(home.resolve("node.conf"), text);
        return NodeConfig.parse(text, home);
    }

    AgentOptions options() {
        return AgentOptions.defaults().withSchedule(false).withHttp(http)
                .withClock(clock, new DeterministicRandom("agents"))
                .withMixnode(MixnodeOptions.loopback().withScheduling(Duration.ofMinutes(1), Duration.ofMinutes(1), false));
    }

    NodeAgent start(String name, NodeRole role, List<URI> bootstrap) throws Exception {
        NodeAgent a = NodeAgent.start(config(name, role, bootstrap), options());
        agents.add(a);
        return a;
    }

    NodeAgent start(String name, NodeRole role) throws Exception {
        return start(name, role, List.of());
    }

    /** What the federation approves for a running agent: its real service and control addresses. */
    static NodeInfo info(NodeAgent a, NodeRole role) throws Exception {
        String control = "127.0.0.1:" + a.controlUri().getPort();
        String service = a.packetAddress().map(p -> "127.0.0.1:" + p.getPort()).orElse(control);
        return TestFederation.info(TestKeys.signer(a.id()).verifierKey(), role, service, control);
    }

    void pollAll() {
        agents.forEach(NodeAgent::pollNow);
    }

    void stop(NodeAgent a) {
        agents.remove(a);
        a.close();
    }

    @Override
    public void close() {
        agents.forEach(NodeAgent::close);
        agents.clear();
    }
}
