package dev.virex.node.metrics;

import dev.virex.core.ingress.RejectReason;
import dev.virex.core.pow.EnforcementReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Prometheus view (Micrometer): aggregate meters only, changed only when an interval is
 * published, and holding the published (binned, noised) figures, never raw counts. No per-client
 * label exists. Meters: {@code virex_ingress_accepted_total}, {@code virex_ingress_rejected_total}
 * by reason, {@code virex_ingress_replays_total}, and gauges {@code virex_pow_suggested_effort},
 * {@code virex_pow_effort_floor}, {@code virex_report_interval}.
 */
public final class MixnodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter accepted;
    private final Counter replays;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final AtomicLong suggested = new AtomicLong();
    private final AtomicLong floor = new AtomicLong();
    private final AtomicLong interval = new AtomicLong(-1);

    public MixnodeMetrics() {
        accepted = Counter.builder("virex.ingress.accepted").description("accepted messages, as published per interval")
                .register(registry);
        replays = Counter.builder("virex.ingress.replays").description("replayed solutions refused, as published")
                .register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, Counter.builder("virex.ingress.rejected").tag("reason", r.label())
                    .description("rejected messages by reason, as published per interval").register(registry));
        }
        Gauge.builder("virex.pow.suggested.effort", suggested, AtomicLong::get).register(registry);
        Gauge.builder("virex.pow.effort.floor", floor, AtomicLong::get).register(registry);
        Gauge.builder("virex.report.interval", interval, AtomicLong::get).register(registry);
    }

    synchronized void record(EnforcementReport r) {
        accepted.increment(r.accepted());
        replays.increment(r.rejected().get(RejectReason.REPLAY));
        r.rejected().forEach((reason, n) -> rejected.get(reason).increment(n));
        suggested.set(r.suggestedEffort());
        floor.set(r.effortFloor());
        interval.set(r.interval());
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
