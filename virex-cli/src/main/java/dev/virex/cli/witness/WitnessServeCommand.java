package dev.virex.cli.witness;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.NetArgs;
import dev.virex.cli.ServerTls;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.cli.config.ConfigFlags;
import dev.virex.cli.log.HostPort;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.witness.CheckpointWitness;
import dev.virex.witness.WitnessServer;
import dev.virex.witness.WitnessStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve POST /add-checkpoint and GET /<origin hash>/checkpoint (C2SP",
            "tlog-witness) for the logs given by --log-vkey; a log's origin is its key's",
            "name. Prints the witness's cosigner vkey (type 0x04), the line a log's or",
            "reader's tlog-policy lists. State: DIR/witness.db (SQLite), checked and",
            "updated atomically; restarts keep it. Every flag can come from a --config",
            "file (virex-witness-config/v1, docs/spec/deployment.md); flags given as",
            "well win."
        })
public final class WitnessServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file holding these flags (virex-witness-config/v1).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (created if missing). Required.")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on, e.g. 127.0.0.1:8090. Required.")
    String listen;

    @Option(names = "--key", paramLabel = "KEYFILE", description = "The witness's private key file (see 'virex keygen'). Required.")
    Path key;

    @Option(names = "--log-vkey", paramLabel = "VKEY", description = "A log's verifier key (repeatable). Required.")
    List<String> logVkeys;

    @picocli.CommandLine.Mixin
    ServerTls tls = new ServerTls();

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Stop after this long (default: run until interrupted).")
    Duration runFor;

    /** A running witness: its store and server. */
    public record Running(WitnessStore store, WitnessServer server, CheckpointWitness witness) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
            store.close();
        }
    }

    public Running start() {
        if (config != null) {
            ConfigFlags.apply(spec, config, "witness");
        }
        ConfigFlags.require(spec, "data", "listen", "key", "log-vkey");
        SignerKey signer = KeyFiles.read(key);
        List<VerifierKey> logs = new ArrayList<>();
        for (String v : logVkeys) {
            logs.add(logKey(v));
        }
        HostPort hp = HostPort.parse(listen);
        WitnessStore store;
        try {
            Files.createDirectories(data);
            store = WitnessStore.open(data.resolve("witness.db"));
        } catch (IOException e) {
            throw new UserError("cannot open the witness state in " + data + ": " + e.getMessage(), e);
        }
        try {
            CheckpointWitness witness = new CheckpointWitness(logs, signer, store, Clock.systemUTC());
            WitnessServer server = WitnessServer.start(witness, logs.stream().map(VerifierKey::name).toList(),
                    tls.options("witness", hp.host(), hp.port(), 1 << 17));
            return new Running(store, server, witness);
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (IOException ignored) {
                // the start failure matters more
            }
            throw new UserError(e.getMessage(), e);
        }
    }

    static VerifierKey logKey(String vkey) {
        try {
            VerifierKey k = VerifierKey.parse(vkey.strip());
            if (k.type() != SignatureType.ED25519) {
                throw new UserError("invalid --log-vkey '" + vkey + "': a log key has signature type 0x01");
            }
            return k;
        } catch (NoteException e) {
            throw new UserError("invalid --log-vkey '" + vkey + "': " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        Running r = start();
        try (Serving serving = Serving.of("the witness", r::close)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("witness serving " + r.server().baseUri() + " for " + String.join(", ",
                    logVkeys.stream().map(v -> logKey(v).name()).distinct().toList()));
            out.println("cosigner vkey " + r.witness().cosignerKey().encode());
            out.flush();
            serving.await(runFor);
        }
        return 0;
    }
}
