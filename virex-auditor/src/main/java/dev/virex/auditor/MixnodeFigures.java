package dev.virex.auditor;

import java.time.Instant;
import java.util.List;

/**
 * What one enforcement check of a mixnode saw: its latest signed report's interval and figures
 * (aggregate, coarsened counts as published), the effort floor it reports against the decided one,
 * and the problems found (empty: it enforces the parameters in force).
 */
public record MixnodeFigures(String node, long interval, Instant end, long accepted, long rejected, long reportedFloor,
                             long decidedFloor, List<String> problems) {
    public MixnodeFigures {
        problems = List.copyOf(problems);
    }

    /** A mixnode that could not be checked (unreachable, bad report): no figures, the reason as problem. */
    public static MixnodeFigures unchecked(String node, String why, long decidedFloor) {
        return new MixnodeFigures(node, -1, Instant.EPOCH, 0, 0, 0, decidedFloor, List.of(why));
    }
}
