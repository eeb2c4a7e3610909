package dev.virex.node.follow;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * How a {@link NodeFollower} runs.
 *
 * @param maxBatch most entries verified and folded as one batch
 * @param maxEntriesPerPoll most entries folded in one poll (the rest at the next)
 * @param persistence where the state is written: {@code Runnable::run} writes it on the polling
 *     thread; a node agent uses a thread of its own, so that the next poll does not wait for the
 *     fsync (writes that fall behind are coalesced: only the newest state is written)
 */
public record FollowerSettings(Clock clock, int maxBatch, int maxEntriesPerPoll, Executor persistence) {
    public FollowerSettings {
        if (maxBatch < 1 || maxEntriesPerPoll < 1) {
            throw new IllegalArgumentException("batch sizes must be positive");
        }
    }

    /** Batches of 1,024 entries, 65,536 per poll, the state written on the polling thread. */
    public static FollowerSettings defaults(Clock clock) {
        return new FollowerSettings(clock, 1024, 65_536, Runnable::run);
    }
}
