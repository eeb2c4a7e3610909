package dev.virex.node.metrics;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.core.pow.ParamsSource;
import dev.virex.node.gate.IngressStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the ingress counters once per interval, never in between: each interval's counts are
 * coarsened ({@link Binning}), written to the Prometheus meters, and signed by the mixnode key as
 * an {@link EnforcementReport}. Intervals are aligned to the Unix epoch, so interval n covers
 * [n * length, (n + 1) * length) on every mixnode. The last {@link #KEEP} reports are served.
 */
public final class IntervalPublisher {
    private static final Logger log = LoggerFactory.getLogger(IntervalPublisher.class);
    public static final int KEEP = 1440;

    private final IngressStats stats;
    private final Binning binning;
    private final MixnodeMetrics metrics;
    private final NoteSigner signer;
    private final Bytes mixnodeId;
    private final ParamsSource params;
    private final LongSupplier suggestedEffort;
    private final long lengthSeconds;
    private final ArrayDeque<Published> reports = new ArrayDeque<>();
    private IngressStats.Counts last;
    private long nextInterval;

    /** A signed report and its number. */
    public record Published(long interval, EnforcementReport report, Bytes signedNote) {}

    public IntervalPublisher(IngressStats stats, Binning binning, MixnodeMetrics metrics, NoteSigner signer, Bytes mixnodeId,
                             ParamsSource params, LongSupplier suggestedEffort, Duration length, Instant now) {
        if (length.toSeconds() < 1 || length.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("interval length must be whole seconds");
        }
        this.stats = stats;
        this.binning = binning;
        this.metrics = metrics;
        this.signer = signer;
        this.mixnodeId = mixnodeId;
        this.params = params;
        this.suggestedEffort = suggestedEffort;
        this.lengthSeconds = length.toSeconds();
        this.last = stats.snapshot();
        this.nextInterval = intervalAt(now);
    }

    public long intervalAt(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), lengthSeconds);
    }

    /** Publishes every interval that has ended by {@code now}; answers how many. */
    public synchronized int publishDue(Instant now) {
        int n = 0;
        long current = intervalAt(now);
        while (nextInterval < current) {
            publish(nextInterval, n == 0 ? stats.snapshot() : last);
            nextInterval++;
            n++;
        }
        return n;
    }

    private void publish(long interval, IngressStats.Counts now) {
        IngressStats.Counts delta = now.minus(last);
        last = now;
        Instant start = Instant.ofEpochSecond(interval * lengthSeconds);
        Instant end = start.plusSeconds(lengthSeconds);
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        long rejectedTotal = 0;
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, binning.publish(delta.rejected(r)));
            rejectedTotal += delta.rejected(r);
        }
        long accepted = binning.publish(delta.accepted());
        AbuseParams p = params.at(end.minusNanos(1)).params();
        long suggested = Math.max(p.effortFloor(), Math.min(p.effortCeiling(), suggestedEffort.getAsLong()));
        EnforcementReport report = new EnforcementReport(mixnodeId, interval, start, end, p.digestHex(),
                p.effortFloor(), suggested, accepted, binning.publish(rejectedTotal), rejected);
        Bytes note = Bytes.wrap(report.sign(signer));
        reports.addLast(new Published(interval, report, note));
        if (reports.size() > KEEP) {
            reports.removeFirst();
        }
        metrics.record(report);
        log.info("published enforcement report {} (coarsened figures): accepted {}, rejected {}, suggested effort {}", interval, accepted,
                report.rejectedTotal(), suggested);
    }

    public synchronized Optional<Published> latest() {
        return Optional.ofNullable(reports.peekLast());
    }

    public synchronized Optional<Published> report(long interval) {
        return reports.stream().filter(r -> r.interval() == interval).findFirst();
    }
}
