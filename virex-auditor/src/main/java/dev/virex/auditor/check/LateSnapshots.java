package dev.virex.auditor.check;

import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.FoldOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Tells a late directory snapshot from a false one. A member signs a snapshot of the first n
 * entries and appends it; when another member's decision gets into the log first, the snapshot
 * lands at an index after n. The fold calls that an anomaly and skips it (docs/spec/decisions.md,
 * "The fold"), and the federation simply makes another (docs/spec/federation.md, "Epochs and
 * directory snapshots"): a race between honest members, not a lie, so it is a warning when the
 * snapshot's digest and node count are those of the fold of its n entries, and a violation
 * otherwise. To check, this keeps the state at the last {@link #ANCHORS} applied snapshots (or the
 * genesis) and the entries since, at most {@link #MAX_ENTRIES}, and folds them again up to n.
 * Not thread-safe.
 */
final class LateSnapshots {
    static final int ANCHORS = 2;
    static final int MAX_ENTRIES = 1024;

    private final Deque<Directory> anchors = new ArrayDeque<>();
    private final List<byte[]> entries = new ArrayList<>();
    private long first;

    /** Records the entry just folded into {@code fold}. */
    void folded(FoldOutcome o, byte[] entry, DirectoryFold fold) {
        if (!anchors.isEmpty()) {
            entries.add(entry);
        }
        if (o.index() == 0 || o.applied() && o.decision() instanceof DirectorySnapshot) {
            if (anchors.isEmpty()) {
                entries.clear();
                first = fold.size();
            }
            anchors.addLast(fold.directory());
            if (anchors.size() > ANCHORS) {
                anchors.removeFirst();
                long keepFrom = anchors.getFirst().logSize();
                entries.subList(0, (int) (keepFrom - first)).clear();
                first = keepFrom;
            }
        }
        if (entries.size() > MAX_ENTRIES) {
            anchors.clear();
            entries.clear();
        }
    }

    /**
     * Whether {@code ds} is the fold of the first {@code ds.logSize()} entries; empty when that
     * prefix is not covered by what is kept (then it cannot be told from a false one).
     */
    Optional<Boolean> trueForItsEntries(DirectorySnapshot ds) {
        Directory base = null;
        for (Iterator<Directory> it = anchors.descendingIterator(); it.hasNext() && base == null; ) {
            Directory a = it.next();
            base = a.logSize() <= ds.logSize() ? a : null;
        }
        if (base == null || ds.logSize() > first + entries.size()) {
            return Optional.empty();
        }
        DirectoryFold f = DirectoryFold.resume(base);
        try {
            for (long i = base.logSize(); i < ds.logSize(); i++) {
                f.apply(entries.get((int) (i - first)));
            }
        } catch (FoldException e) {
            return Optional.empty();
        }
        Directory d = f.directory();
        return Optional.of(d.digest().equals(ds.digest()) && d.nodes().size() == ds.nodes());
    }
}
