package dev.virex.node.gate;

import dev.virex.core.ingress.RejectReason;

/** What the gate decided about one frame. */
public sealed interface Verdict {
    /** Passed every check; queued by {@code effort}, its nonce now spent for the seed of {@code epoch}. */
    record Pass(long effort, long epoch) implements Verdict {}

    /** Refused, with the delay the client must wait before sending again (0: none). */
    record Reject(RejectReason reason, long retryAfterNanos) implements Verdict {}
}
