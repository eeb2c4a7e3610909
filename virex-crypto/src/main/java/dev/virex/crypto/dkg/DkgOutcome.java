package dev.virex.crypto.dkg;

import dev.virex.crypto.frost.KeyShare;
import java.util.List;

/** How a member's DKG ended: with its key share, or with complaints against named dealers. */
public sealed interface DkgOutcome {
    /**
     * The member's key share. The DKG as a whole succeeds only if no member complained, and every
     * member reached the same group (compare {@code share.group().id()}): the caller checks both.
     */
    record Completed(KeyShare share) implements DkgOutcome {}

    /**
     * Shares from {@code accused} failed the checks. {@code complaints} are signed complaint notes
     * to broadcast; every member verifies them with {@link DkgJudge}. The DKG must be run again
     * without the culprits.
     */
    record Complained(List<byte[]> complaints, List<String> accused) implements DkgOutcome {
        public Complained {
            complaints = complaints.stream().map(byte[]::clone).toList();
            accused = List.copyOf(accused);
        }
    }
}
