package dev.virex.cli.federation;

import dev.virex.cli.NetArgs;
import dev.virex.cli.Serving;
import dev.virex.cli.UserError;
import dev.virex.federation.MemberLauncher;
import dev.virex.federation.config.ConfigException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run this member: join requests, review, votes, M-of-N decisions.",
            "Takes POST /join, reviews with its policy and live probes, votes, signs",
            "and logs decisions with the other members, and serves GET /join/<id>,",
            "/directory, /nodes and /health. Genesis follows once M members run.",
            "Restarts keep pending requests, votes and nonce state (SQLite)."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "This member's member.json.")
    Path config;

    @Option(names = "--for", paramLabel = "DURATION", converter = NetArgs.DurationConverter.class,
            description = "Stop by itself after this long (default: run until interrupted).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        MemberFiles files = MemberFiles.load(config);
        MemberLauncher.Running running;
        try {
            running = MemberLauncher.start(files.loaded(), Clock.systemUTC(), new SecureRandom());
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
        try (Serving serving = Serving.of("the member", running::close)) {
            spec.commandLine().getOut().println("member " + files.name() + " of " + files.federation().name() + " serving "
                    + running.server().baseUri());
            spec.commandLine().getOut().flush();
            serving.await(duration);
        }
        return 0;
    }
}
