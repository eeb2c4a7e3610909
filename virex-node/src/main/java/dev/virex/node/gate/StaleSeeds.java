package dev.virex.node.gate;

import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeeds;
import java.util.ArrayDeque;

/**
 * The heads of the last few seeds that stopped being accepted, so that the gate can tell a client
 * "stale seed, fetch the new one" rather than "unknown seed".
 */
final class StaleSeeds {
    static final int KEEP = 16;
    private final ArrayDeque<Long> heads = new ArrayDeque<>();

    synchronized void retire(EpochSeeds before, EpochSeeds after) {
        retire(before.current(), after);
        before.previous().ifPresent(p -> retire(p, after));
    }

    private void retire(EpochSeed s, EpochSeeds after) {
        if (after.byHead(s.head()).isEmpty() && !heads.contains(s.head())) {
            heads.addLast(s.head());
            if (heads.size() > KEEP) {
                heads.removeFirst();
            }
        }
    }

    synchronized boolean contains(long head) {
        return heads.contains(head);
    }
}
