package dev.virex.cli.log;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.cli.config.ConfigFlags;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import java.io.IOException;
import java.nio.file.Path;
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
            "Run a transparency log: accept entries signed by a federation key on",
            "POST /add and serve the checkpoint, tiles and entry bundles (C2SP",
            "tlog-tiles) and proofs. The checkpoint origin is the log key's name. The",
            "data directory can also be served by any static web server. Stops",
            "cleanly on SIGTERM or Ctrl-C; restarts recover from a crash at any moment.",
            "Every flag can come from a --config file instead (virex-log-config/v1:",
            "'KEY VALUE' lines named like the flags; docs/spec/deployment.md); flags",
            "given as well win."
        })
public final class LogServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file holding these flags (virex-log-config/v1).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (created if missing). Required.")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on, e.g. 127.0.0.1:8080 or [::1]:8080. Required.")
    String listen;

    @Option(names = "--key", paramLabel = "KEYFILE", description = "The log's private key file (see 'virex keygen'). Required.")
    Path key;

    @Option(names = "--federation-vkey", paramLabel = "VKEY",
            description = "A federation verifier key whose signature admits an entry (repeatable). Required.")
    List<String> federation;

    @picocli.CommandLine.Mixin
    dev.virex.cli.ServerTls tls = new dev.virex.cli.ServerTls();

    @picocli.CommandLine.Mixin
    ClientTlsOptions witnessTls = new ClientTlsOptions();

    @Option(names = "--witness-policy", paramLabel = "FILE", description = {
        "A C2SP tlog-policy file: checkpoints are published only once cosigned by its quorum of",
        "witnesses (those listed with a URL are asked); 'quorum none' publishes at once."})
    Path witnessPolicy;

    /** A running log and its server. */
    public record Running(TiledLog log, LogServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
            log.close();
        }
    }

    /** Opens the log and starts serving it. */
    public Running start() {
        if (config != null) {
            ConfigFlags.apply(spec, config, "log");
        }
        ConfigFlags.require(spec, "data", "listen", "key", "federation-vkey");
        SignerKey signer = KeyFiles.read(key);
        List<NoteVerifier> keys = federation.stream().map(v -> VerifierKeys.ed25519("--federation-vkey", v)).toList();
        HostPort hp = HostPort.parse(listen);
        LogConfig logConfig = LogConfig.defaults(data, signer.noteSigner(), signer.verifierKey().noteVerifier(), Verifiers.of(keys))
                .withCosign(WitnessPolicies.cosignStep(witnessPolicy, signer.verifierKey(), witnessTls));
        TiledLog log;
        try {
            log = TiledLog.open(logConfig);
        } catch (IOException e) {
            throw new UserError("cannot open the log in " + data + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            LogServer server = LogServer.start(log, tls.options("log", hp.host(), hp.port(), 1 << 17));
            return new Running(log, server);
        } catch (RuntimeException e) {
            try {
                log.close();
            } catch (IOException ignored) {
                // reporting the listen failure matters more
            }
            throw new UserError(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        Running r = start();
        try (Serving serving = Serving.of("the log", r::close)) {
            spec.commandLine().getOut().println("log " + r.log().origin() + " serving " + r.server().baseUri()
                    + " (tree size " + r.log().size() + ")");
            spec.commandLine().getOut().println("vkey " + KeyFiles.read(key).verifierKey().encode());
            spec.commandLine().getOut().flush();
            serving.await(null);
        }
        return 0;
    }
}
