package dev.virex.federation.api;

import java.util.List;

/**
 * Where a join request stands, as the member it was sent to sees it (JSON of {@code POST /join}
 * and {@code GET /join/<id>}).
 *
 * @param id the request ID, 64 hex
 * @param state {@code reviewing}, {@code approved} or {@code rejected}
 * @param yes approvals so far; {@code needed} is M
 * @param waitingFor members that have not voted yet
 * @param unreachable members this member could not reach on its last attempt
 * @param reasons the rejection's reasons, or the no-votes' so far
 * @param message one line for people: what happens next, or why the federation cannot decide
 * @param decision once logged: the entry and its C2SP tlog-proof
 */
public record JoinStatus(String id, String state, int yes, int no, int needed, List<String> votedYes, List<String> votedNo,
                         List<String> waitingFor, List<String> unreachable, List<String> reasons, String message, Receipt decision) {
    public static final String REVIEWING = "reviewing";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public JoinStatus {
        votedYes = votedYes == null ? List.of() : List.copyOf(votedYes);
        votedNo = votedNo == null ? List.of() : List.copyOf(votedNo);
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean decided() {
        return !REVIEWING.equals(state);
    }
}
