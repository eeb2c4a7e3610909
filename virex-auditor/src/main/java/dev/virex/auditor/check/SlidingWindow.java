package dev.virex.auditor.check;

import dev.virex.auditor.config.Window;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts events per key over decision times and reports a burst once, when a key first has more
 * than the window's count of events within its duration; the key can burst again once its count
 * has fallen back to the limit.
 */
final class SlidingWindow {
    private record Event(Instant time, long index) {}

    private final Window window;
    private final Map<String, ArrayDeque<Event>> events = new HashMap<>();
    private final Set<String> bursting = new HashSet<>();

    SlidingWindow(Window window) {
        this.window = window;
    }

    /** Adds an event; the indexes of the events in the window when this one starts a burst. */
    Optional<List<Long>> add(String key, Instant time, long index) {
        ArrayDeque<Event> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant from = time.minus(window.within());
        while (!q.isEmpty() && !q.peekFirst().time().isAfter(from)) {
            q.pollFirst();
        }
        q.addLast(new Event(time, index));
        if (q.size() <= window.count()) {
            bursting.remove(key);
            return Optional.empty();
        }
        if (!bursting.add(key)) {
            return Optional.empty();
        }
        List<Long> idx = new ArrayList<>(q.size());
        q.forEach(e -> idx.add(e.index()));
        return Optional.of(idx);
    }

    Window window() {
        return window;
    }
}
