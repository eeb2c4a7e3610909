package dev.virex.cli.auditor;

import dev.virex.auditor.AuditorService;
import dev.virex.auditor.config.AuditorConfig;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.NetArgs;
import dev.virex.cli.ServerTls;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.cli.log.HostPort;
import dev.virex.core.note.SignerKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Audit a log continuously and serve the notices: GET /notices (newest",
            "first, paged), /notices/<serial>, /notices.atom, /vkey, /state, and",
            "/gossip for other auditors. The configuration file names the log, the",
            "federation key, the notice key, the data directory, the listen address,",
            "TLS, peers, limits and rules (docs/spec/auditor.md); --tls-cert and",
            "--tls-key given as flags replace the file's."
        })
public final class AuditorServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The auditor's configuration file.")
    Path config;

    @picocli.CommandLine.Mixin
    ServerTls tls = new ServerTls();

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Stop after this long (default: run until interrupted).")
    Duration runFor;

    /** Starts the auditor service from the configuration. */
    public AuditorService start() {
        AuditorConfig c = AuditorFiles.config(config);
        for (String required : new String[] {"log", "federation", "notice-key", "data", "listen"}) {
            boolean present = switch (required) {
                case "log" -> c.logUrl().isPresent();
                case "federation" -> c.federation().isPresent();
                case "notice-key" -> c.noticeKey().isPresent();
                case "data" -> c.data().isPresent();
                default -> c.listen().isPresent();
            };
            if (!present) {
                throw new UserError(config + ": the configuration needs a '" + required + "' line to serve");
            }
        }
        SignerKey key = KeyFiles.read(c.noticeKey().get());
        HostPort hp = HostPort.parse(c.listen().get());
        try {
            return AuditorService.start(c, key, AuditorFiles.policy(c.witnessPolicy()), tls.options("auditor", hp.host(), hp.port(),
                    1 << 20, c.transport().tls().server(), c.transport().allowPlainHttp()), Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            throw new UserError("cannot start the auditor: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        AuditorService s = start();
        try (Serving serving = Serving.of("the auditor", s::close)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("auditor serving " + s.baseUri());
            out.println("vkey " + KeyFiles.read(AuditorFiles.config(config).noticeKey().orElseThrow()).verifierKey().encode());
            out.flush();
            serving.await(runFor);
        }
        return 0;
    }
}
