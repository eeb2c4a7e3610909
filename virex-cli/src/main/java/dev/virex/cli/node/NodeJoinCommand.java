package dev.virex.cli.node;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.NetArgs;
import dev.virex.cli.UserError;
import dev.virex.client.PowSolver;
import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.join.JoinDraft;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.PowSolution;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.api.HttpFederationClient;
import dev.virex.federation.api.JoinStatus;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.node.agent.NodeSoftware;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"Ask the federation to admit a node, and follow its review.",
            "Builds the join request (the node's declared information), solves its",
            "proof-of-work stamp, signs it with the node and operator keys, submits",
            "it, and follows it while members review and probe the control address.",
            "Prints the decision and its log index and writes the receipt (decision",
            "and C2SP tlog-proof) to a file. Exit 0 approved, 1 rejected."})
public final class NodeJoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "NODEKEY", description = "The node's private key file; its name is the node ID.")
    Path key;

    @Option(names = "--operator-key", required = true, paramLabel = "OPKEY", description = "The operator's long-term private key file.")
    Path operatorKey;

    @Option(names = "--federation", required = true, paramLabel = "URL", description = "A federation member's URL.")
    URI federation;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "mixnode, mailbox or ods.")
    String role;

    @Option(names = "--address", required = true, paramLabel = "IP:PORT", description = "The node's service address (an IP literal).")
    String address;

    @Option(names = "--control", required = true, paramLabel = "IP:PORT", description = "The node's HTTP control address (members probe it).")
    String control;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Declared region, e.g. eu-west.")
    String region;

    @Option(names = "--bandwidth-mbps", required = true, paramLabel = "B", description = "Declared bandwidth, Mbit/s.")
    long bandwidth;

    @Option(names = "--software", paramLabel = "V", description = "The VIREX software version the node runs (default: this build's, ${DEFAULT-VALUE}).")
    String software = NodeSoftware.VERSION;

    @Option(names = "--receipt", paramLabel = "FILE", description = "Where to write the receipt (default join-<id prefix>.receipt.json).")
    Path receipt;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = NetArgs.DurationConverter.class,
            description = "Stop following after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", converter = NetArgs.DurationConverter.class,
            description = "How often to ask for the status (default ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the PoW stamp (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

    @Override
    public Integer call() throws Exception {
        SignerKey node = KeyFiles.read(key);
        SignerKey operator = KeyFiles.read(operatorKey);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpFederationClient api = new HttpFederationClient(federation, tls.client(), Duration.ofSeconds(30));
        Directory dir = directory(api, err);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long effort;
        try {
            effort = NetworkParams.of(dir.paramsAt(now)).joinEffort();
        } catch (DecisionFormatException e) {
            throw new UserError("the federation's parameters are invalid: " + e.getMessage());
        }
        Bytes seed = dir.epoch().orElseThrow().seed();
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        JoinDraft draft = new JoinDraft(dir.federation().group().name(), now, Bytes.wrap(nonce), info(node, operator));
        PowSolution stamp;
        try (PowSolver solver = new PowSolver(Math.max(1, threads))) {
            err.printf("virex: solving the join stamp at effort %,d (expected ~%s)%n", effort, NetArgs.human(solver.expectedTime(effort)));
            err.flush();
            stamp = solver.solveNow(draft.puzzle(seed), JoinDraft.head(seed), draft.nonce(), effort, PowSolver.Progress.NONE);
        }
        SignedJoinRequest signed = SignedJoinRequest.sign(draft.withStamp(stamp), node.noteSigner(), operator.noteSigner());
        String id = signed.id().toHex();
        JoinStatus s = call(() -> api.submitJoin(signed.note().toArray()));
        err.println("virex: submitted join request " + id + " to " + api.base());
        err.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (!s.decided()) {
            if (!s.message().equals(last)) {
                err.println("virex: " + s.message());
                err.flush();
                last = s.message();
            }
            if (System.nanoTime() > deadline) {
                throw new UserError("no decision on " + id + " after " + NetArgs.human(timeout) + "; last status: " + s.message());
            }
            Thread.sleep(poll.toMillis());
            s = call(() -> api.joinStatus(id));
        }
        Path file = receipt != null ? receipt : Path.of("join-" + id.substring(0, 12) + ".receipt.json");
        try {
            ConfigFiles.write(file.toAbsolutePath(), s.decision());
        } catch (IOException e) {
            throw new UserError("cannot write the receipt to " + file + ": " + e.getMessage(), e);
        }
        out.println(s.state() + " at log index " + s.decision().index() + "; receipt in " + file);
        s.reasons().forEach(r -> out.println("  reason " + r));
        return JoinStatus.APPROVED.equals(s.state()) ? 0 : 1;
    }

    private NodeInfo info(SignerKey node, SignerKey operator) {
        try {
            return new NodeInfo(node.verifierKey(), NodeRole.parse(role), NodeAddress.parse(address), NodeAddress.parse(control), region,
                    bandwidth, operator.verifierKey(), software);
        } catch (DecisionFormatException | IllegalArgumentException e) {
            throw new UserError("invalid node information: " + e.getMessage());
        }
    }

    /**
     * The federation's directory with an epoch beacon (the stamp needs its seed); while a federation
     * that just started has neither (503, or no epoch yet), waits up to the timeout.
     */
    private Directory directory(HttpFederationClient api, PrintWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String said = "";
        while (true) {
            String why;
            try {
                Directory d = Directory.parse(api.directory().directory());
                if (d.epoch().isPresent()) {
                    return d;
                }
                why = "the federation has no epoch beacon yet";
            } catch (DecisionFormatException e) {
                throw new UserError("the federation's directory does not parse: " + e.getMessage());
            } catch (FederationException e) {
                if (e.status() != 503) {
                    return call(() -> {
                        throw e;
                    });
                }
                why = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new UserError(why + " after " + NetArgs.human(timeout));
            }
            if (!why.equals(said)) {
                err.println("virex: " + why + "; waiting");
                err.flush();
                said = why;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    interface Call<T> {
        T get() throws FederationException;
    }

    private <T> T call(Call<T> c) {
        try {
            return c.get();
        } catch (FederationException e) {
            throw new UserError(e.status() == 0 ? e.getMessage() : federation + " refused (" + e.status() + "): " + e.getMessage(), e);
        }
    }
}
