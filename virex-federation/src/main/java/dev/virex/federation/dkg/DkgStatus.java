package dev.virex.federation.dkg;

import java.util.List;

/**
 * What a member's DKG endpoint says about its run ({@code GET /dkg/status}): its state
 * ({@code round1}, {@code round2}, {@code finished}, {@code accepted}, {@code failed}), the group
 * ID it reached (base64), and its signed complaints (base64), if it complained.
 */
public record DkgStatus(String state, String group, List<String> complaints, String error) {
    public static final String ROUND1 = "round1";
    public static final String ROUND2 = "round2";
    public static final String FINISHED = "finished";
    public static final String ACCEPTED = "accepted";
    public static final String FAILED = "failed";

    public DkgStatus {
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
        if (!List.of(ROUND1, ROUND2, FINISHED, ACCEPTED, FAILED).contains(state)) {
            throw new IllegalArgumentException("unknown DKG state " + state);
        }
    }

    boolean done() {
        return FINISHED.equals(state) || ACCEPTED.equals(state);
    }
}
