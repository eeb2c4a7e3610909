package dev.virex.cli.mixnode;

import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Print an abuse-parameters file to start from (what a federation decision carries).",
            "Append more blocks, separated by one blank line, to schedule changes."})
final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--activation", paramLabel = "UTC_TIME", description = "Activation time, e.g. 2026-01-01T00:00:00Z (default: now).")
    Instant activation;

    @Option(names = "--effort-floor", paramLabel = "N", description = "Effort floor (default ${DEFAULT-VALUE}).", defaultValue = "16")
    long floor;

    @Override
    public Integer call() {
        Instant at = (activation == null ? Instant.now() : activation).truncatedTo(ChronoUnit.SECONDS);
        AbuseParams p = AbuseParams.defaults();
        try {
            p = p.withEffortFloor(floor);
        } catch (IllegalArgumentException e) {
            throw new dev.virex.cli.UserError("invalid --effort-floor: " + e.getMessage());
        }
        spec.commandLine().getOut().print(new ParamsChange(at, p).encode());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
