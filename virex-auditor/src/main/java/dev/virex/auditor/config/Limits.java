package dev.virex.auditor.config;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The auditor's own policy for federation decisions (violations when broken): bounds on numeric
 * parameters, the largest change of a numeric parameter one decision may make (a factor), at most
 * so many removals within a window, whether a removal must cite evidence; and what a plausible
 * enforcement report looks like (the highest share of rejections, counted once an interval saw at
 * least {@code rejectionVolume} messages).
 */
public record Limits(SortedMap<String, Range> params, long maxChangeFactor, Optional<Window> removals, boolean removalEvidence,
                     int maxRejectedPercent, long rejectionVolume) {
    /** Inclusive bounds on a numeric parameter. */
    public record Range(long min, long max) {
        public Range {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("need 0 <= min <= max");
            }
        }
    }

    public Limits {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        if (maxChangeFactor < 0 || maxRejectedPercent < 1 || maxRejectedPercent > 100 || rejectionVolume < 1) {
            throw new IllegalArgumentException("need a factor >= 0 (0: none), a percentage of 1 to 100 and a volume >= 1");
        }
    }

    /** Defaults: no parameter bounds, no change factor, no removal limit; at most 99% rejected over 1,000 messages. */
    public static Limits defaults() {
        return new Limits(new TreeMap<>(), 0, Optional.empty(), false, 99, 1000);
    }
}
