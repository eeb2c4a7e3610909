package dev.virex.federation.monitor;

import java.time.Instant;

/**
 * What this member's monitoring knows about one admitted node: probes made and passed (the last
 * {@link Monitor#WINDOW}), uptime as their ratio, the last success, and since when it fails.
 */
public record NodeHealth(String node, int probes, int passed, double uptime, Instant lastOk, Instant failingSince, String lastDetail) {}
