package dev.virex.node.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /health}: what the node is doing. {@code status} is {@code ok} (admitted and
 * following), {@code pending} (following, not admitted yet), {@code syncing} (no verified
 * directory yet), {@code alarm} (following stopped on evidence of misbehaviour) or
 * {@code removed} (the federation removed this node; it stopped serving). Served with 200 for the
 * first three, 503 for the last two.
 *
 * @param unwitnessed why the log's latest checkpoint is not followed (no witness quorum), if so
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeHealth(String status, String node, String role, String software, long logSize, long checkpointSize,
                         String lastPoll, String alarm, String removed, String lastError, String unwitnessed,
                         boolean witnessed) {
    public boolean healthy() {
        return !status.equals("alarm") && !status.equals("removed");
    }
}
