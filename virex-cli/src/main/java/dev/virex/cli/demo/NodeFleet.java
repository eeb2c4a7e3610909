package dev.virex.cli.demo;

import dev.virex.cli.KeyFiles;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.node.agent.AgentOptions;
import dev.virex.node.agent.ConfigFormatException;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.agent.NodeConfig;
import dev.virex.node.agent.NodeSoftware;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's node agents, each started as {@code virex node serve --config} starts one, from a
 * configuration file in its own directory: its key, its role, the federation's group key, the
 * shared trust policy (witness quorum), its state directory and two bootstrap members. Nodes come
 * up "pending" (following the log, not admitted) and then ask to join. All but two are mixnodes;
 * the last two are a mailbox and an ODS server. Operators run {@link Federation#OPERATOR_CAP}
 * nodes each, in order.
 */
final class NodeFleet implements AutoCloseable {
    static final String[] REGIONS = {"eu-west", "us-east", "ap-south"};
    /** How often mixnodes publish their coarsened figures and signed enforcement report. */
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

    /** A running node and what its operator declares for it. */
    record Node(SignerKey key, NodeRole role, String region, long bandwidthMbps, SignerKey operator, NodeAgent agent) {
        String id() {
            return key.name();
        }

        URI control() {
            return agent.controlUri();
        }

        NodeInfo info() {
            String control = agent.controlUri().getHost() + ":" + agent.controlUri().getPort();
            String service = agent.packetAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse(control);
            try {
                return new NodeInfo(key.verifierKey(), role, NodeAddress.parse(service), NodeAddress.parse(control), region, bandwidthMbps,
                        operator.verifierKey(), NodeSoftware.VERSION);
            } catch (DecisionFormatException e) {
                throw new IllegalStateException("a node's own address does not parse: " + e.getMessage(), e);
            }
        }
    }

    private final List<Node> nodes;

    private NodeFleet(List<Node> nodes) {
        this.nodes = nodes;
    }

    static NodeFleet start(Path dir, int count, VerifierKey group, Path policy, List<URI> bootstrap, List<SignerKey> operators,
                           SecureRandom random) throws IOException {
        List<Node> started = new ArrayList<>();
        NodeFleet fleet = new NodeFleet(started);
        try {
            for (int i = 0; i < count; i++) {
                NodeRole role = i < count - 2 ? NodeRole.MIXNODE : i == count - 2 ? NodeRole.MAILBOX : NodeRole.ODS;
                String name = role == NodeRole.MIXNODE ? "mix-" + (i + 1) : role == NodeRole.MAILBOX ? "mailbox-1" : "ods-1";
                SignerKey key = SignerKey.generate(name + ".demo.example", random);
                Path ndir = dir.resolve(name);
                Files.createDirectories(ndir);
                KeyFiles.writeNew(ndir.resolve("node.key"), key);
                String text = config(role, group, ndir.relativize(policy), bootstrap);
                Files.writeString(ndir.resolve("node.conf"), text, StandardCharsets.UTF_8);
                NodeAgent agent = NodeAgent.start(parse(text, ndir), options());
                started.add(new Node(key, role, REGIONS[i % REGIONS.length], 100L * (1 + i % 4), operators.get(i / Federation.OPERATOR_CAP),
                        agent));
            }
            return fleet;
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    static String config(NodeRole role, VerifierKey group, Path policy, List<URI> bootstrap) {
        StringBuilder sb = new StringBuilder(NodeConfig.VERSION).append('\n')
                .append("# written by 'virex demo'; format: docs/spec/nodes.md\n")
                .append("key node.key\nrole ").append(role.wire()).append('\n')
                .append("federation ").append(group.encode()).append('\n')
                .append("policy ").append(policy).append('\n')
                .append("state state\ncontrol 127.0.0.1:0\n");
        if (role == NodeRole.MIXNODE) {
            sb.append("listen 127.0.0.1:0\n");
        }
        bootstrap.forEach(u -> sb.append("bootstrap ").append(u).append('\n'));
        return sb.toString();
    }

    private static NodeConfig parse(String text, Path base) throws IOException {
        try {
            return NodeConfig.parse(text, base);
        } catch (ConfigFormatException e) {
            throw new IOException("the demo wrote a node configuration that does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * The production defaults with smaller mixnode tables (a few clients, not millions) and
     * five-second report intervals, so that auditors and the dashboard see figures quickly.
     */
    static AgentOptions options() {
        AgentOptions d = AgentOptions.defaults();
        return d.withMixnode(d.mixnode().withSizes(1 << 14, 1 << 16).withQueue(1024, 1)
                .withScheduling(Duration.ofSeconds(10), REPORT_INTERVAL, true));
    }

    List<Node> all() {
        return List.copyOf(nodes);
    }

    List<Node> mixnodes() {
        return nodes.stream().filter(n -> n.role() == NodeRole.MIXNODE).toList();
    }

    Node get(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    static String packet(Node n) {
        InetSocketAddress a = n.agent().packetAddress().orElseThrow();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).agent().close();
        }
    }
}
