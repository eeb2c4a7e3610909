package dev.virex.auditor;

import dev.virex.auditor.text.Fields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accepted and rejected messages per mixnode over time, as their signed enforcement reports say
 * (coarsened figures, one point per report interval): the data of the dashboard's plots. Bounded:
 * the latest {@link #MAX_POINTS} intervals per mixnode, mixnodes of the directory only. Not
 * thread-safe (the {@link AuditState} lock guards it).
 */
public final class MixnodeSeries {
    static final int MAX_POINTS = 60;

    /** One report interval of one mixnode (or of all, summed). */
    public record PointView(long interval, String end, long accepted, long rejected) {}

    /** The points of one mixnode, oldest first; {@code problems}: its latest check found some. */
    public record SeriesView(String node, boolean problems, List<PointView> points) {}

    private final Map<String, ArrayDeque<PointView>> byNode = new HashMap<>();

    /** Adds the figures of a checked report; a report already seen (same interval) replaces its point. */
    void add(MixnodeFigures m) {
        if (m.interval() < 0) {
            return;
        }
        ArrayDeque<PointView> points = byNode.computeIfAbsent(m.node(), n -> new ArrayDeque<>());
        PointView p = new PointView(m.interval(), Fields.format(m.end()), m.accepted(), m.rejected());
        PointView last = points.peekLast();
        if (last != null && last.interval() == p.interval()) {
            points.removeLast();
        } else if (last != null && last.interval() > p.interval()) {
            return; // an older report than one already plotted (a restarted mixnode): keep time moving forward
        }
        points.addLast(p);
        while (points.size() > MAX_POINTS) {
            points.removeFirst();
        }
    }

    /** Forgets mixnodes that are no longer admitted. */
    void retain(Collection<String> admitted) {
        byNode.keySet().retainAll(admitted);
    }

    /**
     * Up to {@code max} series: mixnodes with problems first, then the busiest (most messages in
     * their window), then by name.
     */
    List<SeriesView> top(int max, Map<String, AuditState.MixnodeView> latest) {
        List<SeriesView> all = new ArrayList<>();
        byNode.forEach((node, points) -> {
            AuditState.MixnodeView v = latest.get(node);
            all.add(new SeriesView(node, v != null && !v.problems().isEmpty(), List.copyOf(points)));
        });
        all.sort(Comparator.comparing((SeriesView s) -> !s.problems())
                .thenComparing(Comparator.comparingLong(MixnodeSeries::volume).reversed())
                .thenComparing(SeriesView::node));
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    /** Every mixnode's figures summed per interval (intervals are aligned to the Unix epoch on every mixnode). */
    List<PointView> total() {
        TreeMap<Long, PointView> sum = new TreeMap<>();
        for (ArrayDeque<PointView> points : byNode.values()) {
            for (PointView p : points) {
                sum.merge(p.interval(), p, (a, b) -> new PointView(a.interval(), a.end(), a.accepted() + b.accepted(), a.rejected() + b.rejected()));
            }
        }
        while (sum.size() > MAX_POINTS) {
            sum.pollFirstEntry();
        }
        return List.copyOf(sum.values());
    }

    private static long volume(SeriesView s) {
        return s.points().stream().mapToLong(p -> p.accepted() + p.rejected()).sum();
    }
}
