package dev.virex.cli.mixnode;

import dev.virex.cli.Inputs;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.NetArgs;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.cli.config.ConfigFlags;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsFormatException;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.node.Mixnode;
import dev.virex.node.MixnodeOptions;
import dev.virex.node.gate.IngressStats;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a mixnode ingress: a packet port for fixed-size frames with PoW, and",
            "HTTP with PoW info (/v1/pow), signed reports (/v1/reports/...) and /metrics.",
            "Parameters come from a file, seeds from a local beacon key (until the log).",
            "Every flag can come from a --config file (virex-mixnode-config/v1,",
            "docs/spec/deployment.md); flags given as well win."})
public final class ServeCommand implements Callable<Integer> {
    static final int MAX_PARAMS_BYTES = ParamsTimeline.MAX_TEXT_BYTES;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file holding these flags (virex-mixnode-config/v1).")
    Path config;

    @Option(names = "--key", paramLabel = "FILE", description = "The mixnode's private key file (its identity). Required.")
    Path key;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:7400", converter = NetArgs.HostPortConverter.class,
            description = "Packet port address (default ${DEFAULT-VALUE}).")
    InetSocketAddress listen;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:7401", converter = NetArgs.HostPortConverter.class,
            description = "HTTP address for PoW info, reports and metrics (default ${DEFAULT-VALUE}).")
    InetSocketAddress http;

    @Option(names = "--params", paramLabel = "FILE", description = "Abuse-parameters file ('virex mixnode params' prints one); default: built-in defaults.")
    Path params;

    @Option(names = "--beacon-key", paramLabel = "FILE", description = "Key that signs the local epoch beacons (default: the mixnode key).")
    Path beaconKey;

    @Option(names = "--epoch", paramLabel = "DURATION", defaultValue = "10m", converter = NetArgs.DurationConverter.class,
            description = "Epoch length; seeds rotate each epoch (default ${DEFAULT-VALUE}).")
    Duration epoch;

    @Option(names = "--report-interval", paramLabel = "DURATION", defaultValue = "60s", converter = NetArgs.DurationConverter.class,
            description = "Metrics and report interval (default ${DEFAULT-VALUE}).")
    Duration reportInterval;

    @Option(names = "--advertise", paramLabel = "HOST:PORT", description = "Packet address to tell clients (default: the bound one).")
    String advertise;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "4096", description = "Overload queue size (default ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--limiter-slots", paramLabel = "N", defaultValue = "1048576",
            description = "Rate-limiter slots, a power of two, 13 bytes each (default ${DEFAULT-VALUE}).")
    int limiterSlots;

    @Option(names = "--replay-slots", paramLabel = "N", defaultValue = "2097152",
            description = "Replay fingerprints per seed, a power of two, 8 bytes each (default ${DEFAULT-VALUE}).")
    int replaySlots;

    @picocli.CommandLine.Mixin
    dev.virex.cli.ServerTls tls = new dev.virex.cli.ServerTls();

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Stop after this long (default: run until interrupted).")
    Duration runFor;

    @Override
    public Integer call() throws InterruptedException {
        if (config != null) {
            ConfigFlags.apply(spec, config, "mixnode");
        }
        ConfigFlags.require(spec, "key");
        SignerKey nodeKey = KeyFiles.read(key);
        SignerKey beacon = beaconKey == null ? nodeKey : KeyFiles.read(beaconKey);
        Clock clock = Clock.systemUTC();
        ParamsTimeline timeline = params == null
                ? ParamsTimeline.constant(Instant.EPOCH, AbuseParams.defaults()) : readParams(params);
        MixnodeOptions options;
        try {
            options = new MixnodeOptions(NetArgs.resolve(listen), tls.options("mixnode", http.getHostString(), http.getPort(), 1 << 16), advertise == null ? "" : advertise, limiterSlots, replaySlots, queue, workers,
                    Math.max(1, Runtime.getRuntime().availableProcessors() / 2), Duration.ofMinutes(1), reportInterval, true,
                    m -> { });
        } catch (IllegalArgumentException e) {
            throw new UserError("invalid option: " + e.getMessage());
        }
        Mixnode node;
        try {
            node = Mixnode.start(nodeKey, timeline, new LocalEpochBeacon(Instant.EPOCH, epoch, beacon.noteSigner()), clock,
                    new SecureRandom(), options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserError("cannot start the mixnode: " + e.getMessage(), e);
        }
        try (Serving serving = Serving.of("the mixnode", node::close)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("mixnode " + nodeKey.verifierKey().encode());
            out.println("packets " + node.powInfo().ingress());
            out.println("http " + node.httpUri());
            out.flush();
            serving.await(runFor);
        }
        IngressStats.Counts c = node.ingress().stats().snapshot();
        long rejected = 0;
        for (RejectReason r : RejectReason.values()) {
            rejected += c.rejected(r);
        }
        spec.commandLine().getErr().println("virex: mixnode stopped; accepted " + c.accepted() + ", rejected " + rejected);
        return 0;
    }

    static ParamsTimeline readParams(Path file) {
        byte[] data = Inputs.readFile(file, MAX_PARAMS_BYTES, "params file");
        try {
            return ParamsTimeline.parse(data);
        } catch (ParamsFormatException e) {
            throw new UserError(file + " is not a valid params file: " + e.getMessage());
        }
    }
}
