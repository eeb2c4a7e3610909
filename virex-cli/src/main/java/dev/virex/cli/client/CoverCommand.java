package dev.virex.cli.client;

import dev.virex.cli.UserError;
import dev.virex.client.CoverTraffic;
import dev.virex.client.PoissonSchedule;
import dev.virex.client.Sleeper;
import dev.virex.core.pow.ParamsFormatException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cover", mixinStandardHelpOptions = true,
        description = {"Send cover traffic at the Poisson rate the parameters publish: each message has",
            "a valid PoW and is sealed like a real one, so observers cannot tell them apart."})
final class CoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options = new ClientOptions();

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "Messages to send (default ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() throws InterruptedException {
        if (count < 1) {
            throw new UserError("--count must be positive");
        }
        ProgressDisplay display = new ProgressDisplay(spec.commandLine().getErr(), true);
        try (ClientOptions.Session s = options.open(display)) {
            long rate = s.info().abuseParams().coverRatePerMinute();
            spec.commandLine().getErr().println("virex: cover traffic at " + rate + " per minute (Poisson), " + count + " messages");
            CoverTraffic loop = new CoverTraffic(s.client(), new PoissonSchedule(rate, new SecureRandom()), Sleeper.REAL, 1);
            CoverTraffic.Stats st = loop.run(count);
            spec.commandLine().getOut().println("sent " + st.sent() + " (cover " + st.cover() + ", real " + st.real()
                    + "), accepted " + st.accepted());
            return st.accepted() == st.sent() ? 0 : 1;
        } catch (IOException | ParamsFormatException e) {
            throw new UserError("cover traffic failed: " + dev.virex.cli.NetArgs.why(e), e);
        }
    }
}
