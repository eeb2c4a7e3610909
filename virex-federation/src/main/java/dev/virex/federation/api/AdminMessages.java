package dev.virex.federation.api;

import dev.virex.federation.monitor.NodeHealth;
import java.util.List;
import java.util.Map;

/**
 * The JSON payloads of a member's admin endpoints ({@code /admin/<kind>}), which accept only
 * envelopes signed by the member's own identity key: {@code virex federation review|propose|status}.
 */
public final class AdminMessages {
    private AdminMessages() {}

    /** One proposal or join request as {@code review list} shows it. */
    public record ReviewItem(String id, String kind, String state, String summary, List<String> yes, List<String> no, String note) {}

    /** {@code review approve|reject}: this member's vote on a held request or proposal. */
    public record ReviewVote(String id, boolean yes, List<String> reasons) {}

    /**
     * {@code propose remove|params}: {@code node} is a node ID or vkey; {@code activation} a time,
     * or null for now.
     */
    public record Propose(String kind, String node, List<String> reasons, List<String> evidence, String activation,
                          Map<String, String> params) {}

    /** The answer to a proposal: its ID. */
    public record Proposed(String id) {}

    /** A member's status: the log, the directory, open work, reachability, node health. */
    public record Status(String member, String federation, long logSize, String logProblem, int nodes, long epoch,
                         Map<String, String> params, List<ReviewItem> open, Map<String, String> unreachable, List<NodeHealth> health) {}

    /** An empty payload. */
    public record Empty() {}
}
