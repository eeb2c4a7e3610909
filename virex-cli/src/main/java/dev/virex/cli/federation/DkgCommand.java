package dev.virex.cli.federation;

import dev.virex.cli.NetArgs;
import dev.virex.cli.UserError;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.KeyShareFiles;
import dev.virex.federation.MemberLauncher;
import dev.virex.federation.config.ConfigException;
import dev.virex.federation.config.Roster;
import dev.virex.federation.dkg.DkgFailure;
import dev.virex.federation.dkg.DkgNode;
import dev.virex.http.HttpService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dkg", mixinStandardHelpOptions = true,
        description = {"Make the group key with the other members (distributed key generation).",
            "Serves this member's signed round notes on its listen address, fetches",
            "the others', judges complaints and names culprits. Writes the key share",
            "(mode 0600) and group.txt next to it and prints the group vkey: start",
            "the log with it as --federation-vkey."})
public final class DkgCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "This member's member.json.")
    Path config;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = NetArgs.DurationConverter.class,
            description = "Give up when the other members have not answered within this (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--linger", paramLabel = "DURATION", defaultValue = "30s", converter = NetArgs.DurationConverter.class,
            description = "Keep serving afterwards until every member is done, at most this (default ${DEFAULT-VALUE}).")
    Duration linger;

    @Override
    public Integer call() throws Exception {
        MemberFiles files = MemberFiles.load(config);
        Path sharePath = files.loaded().keyShare();
        if (Files.exists(sharePath)) {
            throw new UserError(sharePath + " exists: this member has a key share already");
        }
        PrintWriter err = spec.commandLine().getErr();
        DkgNode node;
        try {
            node = new DkgNode(new Roster(files.federation()), files.identity(), new SecureRandom(), Duration.ofMillis(250), files.http());
        } catch (FrostException e) {
            throw new UserError("cannot start the DKG: " + e.getMessage(), e);
        }
        MemberLauncher.HostAndPort hp;
        try {
            hp = MemberLauncher.HostAndPort.parse(files.loaded().config().listen());
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
        HttpService http;
        try {
            http = HttpService.start(files.loaded().tls().serve(new HttpService.Options("dkg " + files.name(), hp.host(), hp.port(),
                    1 << 16, files.loaded().config().allowPlainHttp())), node::routes);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage(), e);
        }
        try (http) {
            err.println("virex: DKG of " + files.federation().name() + " (" + files.federation().threshold() + " of "
                    + files.federation().members().size() + "), waiting for the other members...");
            err.flush();
            KeyShare share = node.run(timeout, line -> {
                err.println("virex: " + line);
                err.flush();
            });
            write(sharePath, share);
            node.linger(linger);
            spec.commandLine().getOut().println("group " + share.group().vkey().encode());
            spec.commandLine().getOut().println("member " + share.id() + " " + share.member().name() + ", key share " + sharePath);
            return 0;
        } catch (DkgFailure e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static void write(Path sharePath, KeyShare share) {
        try {
            KeyShareFiles.write(sharePath, share);
            Files.write(sharePath.resolveSibling("group.txt"), share.group().encode());
        } catch (IOException e) {
            throw new UserError("cannot write the key share " + sharePath + ": " + e.getMessage(), e);
        }
    }
}
