package dev.virex.cli.node;

import dev.virex.cli.Inputs;
import dev.virex.cli.NetArgs;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.node.agent.AgentOptions;
import dev.virex.node.agent.ConfigFormatException;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.agent.NodeConfig;
import dev.virex.node.agent.NodeHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a node agent: follow the federation's log (witnessed checkpoints only),",
            "keep the routing table, answer federation probes, report unreachable peers.",
            "A mixnode also serves its ingress, with parameters and PoW seeds from the log.",
            "Control endpoint: POST /probe; GET /health, /metrics, /v1/routing and",
            "/v1/peers/unreachable."})
public final class NodeServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Node configuration file (format: docs/spec/nodes.md, 'Configuration').")
    Path config;

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Stop after this long (default: run until interrupted).")
    Duration runFor;

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig c = read(config);
        NodeAgent agent;
        try {
            agent = NodeAgent.start(c, AgentOptions.forConfig(c));
        } catch (IOException e) {
            throw new UserError("cannot start the node: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserError("cannot start the node: " + e.getMessage(), e);
        }
        AtomicReference<NodeHealth> last = new AtomicReference<>(agent.health());
        try (Serving serving = Serving.of("the node", () -> {
            last.set(agent.health());
            agent.close();
        })) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("node " + agent.id() + " (" + c.role().wire() + ")");
            out.println("control " + agent.controlUri());
            agent.packetAddress().ifPresent(a -> out.println("packets " + a.getAddress().getHostAddress() + ":" + a.getPort()));
            out.println("log-size " + agent.table().logSize() + ", status " + agent.health().status());
            out.flush();
            serving.await(runFor);
        } finally {
            // also when interrupted: the node has stopped either way
            spec.commandLine().getErr().println("virex: node stopped at log size " + last.get().logSize() + ", status " + last.get().status());
        }
        return 0;
    }

    static NodeConfig read(Path file) {
        byte[] data = Inputs.readFile(file, NodeConfig.MAX_BYTES, "node configuration");
        Path base = file.toAbsolutePath().getParent();
        try {
            return NodeConfig.parse(new String(data, StandardCharsets.UTF_8), base);
        } catch (ConfigFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
