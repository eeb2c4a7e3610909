package dev.virex.log.server;

import dev.virex.core.tlog.Tile;
import dev.virex.core.tlog.TilePath;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deletes partial tiles once the full tiles that replace them are covered by a published
 * checkpoint. Until then the published tree (which may lag the integrated one while witnesses
 * answer) and the recovery check of its tiles still read the partial files.
 */
final class PartialSweeper {
    private record Pending(long size, List<TilePath> full) {}

    private final TileStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    PartialSweeper(TileStore store) {
        this.store = store;
    }

    /** Notes the full tiles written for the tree of {@code size} entries. */
    void record(long size, List<Tile> written) {
        List<TilePath> full = written.stream().map(Tile::path).filter(p -> !p.isPartial()).toList();
        if (full.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            pending.add(new Pending(size, full));
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the partials replaced by full tiles of trees no larger than {@code published}. */
    void sweep(long published) throws IOException {
        lock.lock();
        try {
            while (!pending.isEmpty() && pending.peek().size() <= published) {
                for (TilePath p : pending.poll().full()) {
                    store.deletePartials(p);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
