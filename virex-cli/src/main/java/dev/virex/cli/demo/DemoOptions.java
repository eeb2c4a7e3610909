package dev.virex.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What to run: N members deciding M of N, K nodes (K - 2 mixnodes, a mailbox, an ODS server), C
 * clients, where to keep files, whether to play the scenario, and when to stop.
 *
 * @param runFor stop this long after the network is up (and the scenario played); empty: until
 *     interrupted, or right after the scenario with {@code exitAfterScenario}
 */
record DemoOptions(int members, int threshold, int nodes, int clients, Optional<Path> dir, boolean scenario, boolean exitAfterScenario,
                   Optional<Duration> runFor) {
    static final int MAX_MEMBERS = 15;
    static final int MAX_NODES = 32;
    static final int MAX_CLIENTS = 32;

    /** The first problem with these options, for a usage error. */
    Optional<String> problem() {
        if (members < 1 || members > MAX_MEMBERS) {
            return Optional.of("--members must be 1 to " + MAX_MEMBERS);
        }
        if (threshold < 1 || threshold > members) {
            return Optional.of("--threshold must be 1 to --members (" + members + ")");
        }
        if (nodes < 4 || nodes > MAX_NODES) {
            return Optional.of("--nodes must be 4 to " + MAX_NODES + " (at least 2 mixnodes, a mailbox and an ODS server)");
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            return Optional.of("--clients must be 1 to " + MAX_CLIENTS);
        }
        if (runFor.map(d -> d.isNegative() || d.isZero()).orElse(false)) {
            return Optional.of("--for must be a positive duration");
        }
        return Optional.empty();
    }

    int mixnodes() {
        return nodes - 2;
    }
}
