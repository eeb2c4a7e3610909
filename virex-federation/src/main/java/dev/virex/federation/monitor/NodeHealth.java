package dev.virex.federation.monitor;

/**
 * What this member's monitoring knows about one admitted node: probes made and passed (the last
 * {@link Monitor#WINDOW}), uptime as their ratio, the last success, and since when it fails (times
 * as {@code YYYY-MM-DDTHH:MM:SSZ}, null when none).
 */
public record NodeHealth(String node, int probes, int passed, double uptime, String lastOk, String failingSince, String lastDetail) {}
