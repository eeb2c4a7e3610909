package dev.virex.node.gate;

import dev.virex.core.ingress.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Aggregate counters of the ingress, never per client. Every frame is counted once, when its fate
 * is final: accepted, or rejected with one reason. Cover messages are also counted apart, in
 * aggregate; that split stays inside the process (see docs/spec/pow.md, "Metrics").
 */
public final class IngressStats {
    /** Totals since start. */
    public record Counts(long accepted, long cover, Map<RejectReason, Long> rejected) {
        public Counts {
            rejected = Map.copyOf(rejected);
        }

        public long rejected(RejectReason r) {
            return rejected.getOrDefault(r, 0L);
        }

        /** What happened between {@code earlier} and this. */
        public Counts minus(Counts earlier) {
            Map<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
            for (RejectReason reason : RejectReason.values()) {
                r.put(reason, rejected(reason) - earlier.rejected(reason));
            }
            return new Counts(accepted - earlier.accepted, cover - earlier.cover, r);
        }
    }

    private final LongAdder accepted = new LongAdder();
    private final LongAdder cover = new LongAdder();
    private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

    public IngressStats() {
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new LongAdder());
        }
    }

    public void accepted(boolean isCover) {
        accepted.increment();
        if (isCover) {
            cover.increment();
        }
    }

    public void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    public Counts snapshot() {
        Map<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
        rejected.forEach((k, v) -> r.put(k, v.sum()));
        return new Counts(accepted.sum(), cover.sum(), r);
    }
}
