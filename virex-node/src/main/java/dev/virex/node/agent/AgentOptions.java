package dev.virex.node.agent;

import dev.virex.http.HttpClients;
import dev.virex.node.MixnodeOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * How a node agent runs, beyond its configuration file.
 *
 * @param schedule poll the log and check peers on timers; off in tests, which call
 *     {@link NodeAgent#pollNow()} and {@link NodeAgent#checkPeersNow()}
 * @param maxBatch most entries the log follower verifies and folds as one batch
 * @param maxEntriesPerPoll most entries folded in one poll (the rest at the next)
 * @param httpTimeout per-request timeout towards the log and the federation members
 * @param mixnode sizes of a mixnode's ingress; its addresses come from the configuration
 */
public record AgentOptions(Clock clock, SecureRandom random, HttpClient http, boolean schedule, int maxBatch,
                           int maxEntriesPerPoll, Duration httpTimeout, Duration connectTimeout, MixnodeOptions mixnode) {
    public AgentOptions {
        if (maxBatch < 1 || maxEntriesPerPoll < 1) {
            throw new IllegalArgumentException("batch sizes must be positive");
        }
    }

    /** Production defaults: system clock, timers on, batches of 1,024 entries. */
    public static AgentOptions defaults() {
        return new AgentOptions(Clock.systemUTC(), new SecureRandom(), HttpClients.newClient(), true, 1024, 65_536,
                Duration.ofSeconds(10), Duration.ofSeconds(2),
                MixnodeOptions.loopback().withSizes(1 << 20, 1 << 21).withQueue(4096, 2)
                        .withScheduling(Duration.ofMinutes(1), Duration.ofMinutes(1), true));
    }

    /**
     * Production defaults with the HTTP client {@code config}'s TLS settings call for (its CA file
     * and pins, for the log and the bootstrap members): what {@code virex node serve} runs with.
     */
    public static AgentOptions forConfig(NodeConfig config) throws IOException {
        return defaults().withHttp(config.tls().newClient());
    }

    public AgentOptions withClock(Clock c, SecureRandom r) {
        return new AgentOptions(c, r, http, schedule, maxBatch, maxEntriesPerPoll, httpTimeout, connectTimeout, mixnode);
    }

    public AgentOptions withSchedule(boolean on) {
        return new AgentOptions(clock, random, http, on, maxBatch, maxEntriesPerPoll, httpTimeout, connectTimeout, mixnode);
    }

    public AgentOptions withMixnode(MixnodeOptions m) {
        return new AgentOptions(clock, random, http, schedule, maxBatch, maxEntriesPerPoll, httpTimeout, connectTimeout, m);
    }

    public AgentOptions withHttp(HttpClient client) {
        return new AgentOptions(clock, random, client, schedule, maxBatch, maxEntriesPerPoll, httpTimeout, connectTimeout, mixnode);
    }
}
