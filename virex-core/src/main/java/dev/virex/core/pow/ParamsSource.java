package dev.virex.core.pow;

import java.time.Instant;

/**
 * Where a mixnode gets the abuse-prevention parameters: the federation's log fold when it exists,
 * a local file ({@link ParamsTimeline}) until then.
 */
@FunctionalInterface
public interface ParamsSource {
    /** The parameters in force at {@code now} and the next scheduled change. */
    ParamsView at(Instant now);
}
