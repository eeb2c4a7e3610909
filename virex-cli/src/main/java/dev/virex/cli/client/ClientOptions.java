package dev.virex.cli.client;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.UserError;
import dev.virex.client.HttpMixnodeApi;
import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.client.Sleeper;
import dev.virex.client.TcpIngress;
import dev.virex.cli.NetArgs;
import dev.virex.core.ingress.PowInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the client commands, and the connection they open. */
final class ClientOptions {
    @Option(names = "--mixnode", required = true, paramLabel = "URL", description = "The mixnode's HTTP(S) address, e.g. https://127.0.0.1:7401.")
    URI mixnode;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "Local address to send from (the client identity the mixnode sees).")
    String from;

    @Option(names = "--threads", paramLabel = "N", description = "Solver threads (default: all processors).")
    Integer threads;

    @Option(names = "--max-effort", paramLabel = "N", defaultValue = "16777216", description = "Highest effort to pay (default ${DEFAULT-VALUE}).")
    long maxEffort;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per message (default ${DEFAULT-VALUE}).")
    int attempts;

    @picocli.CommandLine.Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

    /** An open client: API, TCP connection and solver, closed together. */
    record Session(MixnodeClient client, TcpIngress tcp, PowSolver solver, PowInfo info) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            solver.close();
            tcp.close();
        }
    }

    Session open(MixnodeClient.Listener listener) {
        HttpMixnodeApi api = new HttpMixnodeApi(mixnode, tls.client());
        PowInfo info;
        try {
            info = api.powInfo();
        } catch (IOException e) {
            throw new UserError("cannot reach the mixnode at " + mixnode + ": " + NetArgs.why(e), e);
        }
        InetAddress local;
        try {
            local = from == null ? null : InetAddress.getByName(from);
        } catch (UnknownHostException e) {
            throw new UserError("unknown --from address " + from);
        }
        TcpIngress tcp;
        try {
            tcp = TcpIngress.connect(NetArgs.resolve(NetArgs.hostPort(info.ingress())), local, Duration.ofSeconds(30));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot connect to the mixnode's packet port " + info.ingress() + ": " + NetArgs.why(e), e);
        }
        PowSolver solver = new PowSolver(threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
        MixnodeClient.Options opts;
        try {
            opts = new MixnodeClient.Options(attempts, maxEffort);
        } catch (IllegalArgumentException e) {
            throw new UserError("invalid option: " + e.getMessage());
        }
        MixnodeClient client = new MixnodeClient(api, tcp, solver, new SecureRandom(), Sleeper.REAL, Clock.systemUTC(), opts, listener);
        return new Session(client, tcp, solver, info);
    }
}
