package dev.virex.node;

import dev.virex.http.HttpService;
import dev.virex.node.http.ControlEndpoints;
import dev.virex.node.ingress.MessageSink;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How a mixnode runs. Sizes bound memory: the limiter table is {@code limiterSlots} x 13 bytes,
 * the replay memory 2 x {@code replaySlots} x 8 bytes, the queue {@code queueCapacity} frames of
 * 2 KiB.
 *
 * @param packetBind where the packet port listens
 * @param http the HTTP service (metrics, reports, PoW info)
 * @param advertisedIngress host:port clients are told to send to; empty: the bound address
 * @param limiterSlots rate-limiter slots (about twice the clients per epoch), a power of two
 * @param replaySlots nonce fingerprints per seed (rate x 2 epochs / 0.75), a power of two
 * @param queueCapacity frames waiting for workers before the lowest effort is dropped
 * @param workers threads that open and deliver passed frames
 * @param ioThreads Netty event loop threads (they run the gate)
 * @param effortPeriod how often the suggested effort is revised (Tor's HS_UPDATE_PERIOD)
 * @param reportInterval length of a metrics and report interval
 * @param scheduleReports publish reports on a timer (off in tests, which drive the clock)
 * @param control endpoints a node agent adds to the HTTP service (health, routing view)
 */
public record MixnodeOptions(InetSocketAddress packetBind, HttpService.Options http, String advertisedIngress,
                             int limiterSlots, int replaySlots, int queueCapacity, int workers, int ioThreads,
                             Duration effortPeriod, Duration reportInterval, boolean scheduleReports, MessageSink sink,
                             ControlEndpoints control) {
    public MixnodeOptions {
        if (queueCapacity < 1 || workers < 1 || ioThreads < 1) {
            throw new IllegalArgumentException("queue, workers and io threads must be positive");
        }
    }

    /** Options without node-agent endpoints. */
    public MixnodeOptions(InetSocketAddress packetBind, HttpService.Options http, String advertisedIngress,
                          int limiterSlots, int replaySlots, int queueCapacity, int workers, int ioThreads,
                          Duration effortPeriod, Duration reportInterval, boolean scheduleReports, MessageSink sink) {
        this(packetBind, http, advertisedIngress, limiterSlots, replaySlots, queueCapacity, workers, ioThreads, effortPeriod,
                reportInterval, scheduleReports, sink, ControlEndpoints.NONE);
    }

    /** Loopback ports chosen by the system; sizes for a small node. */
    public static MixnodeOptions loopback() {
        return new MixnodeOptions(new InetSocketAddress("127.0.0.1", 0), HttpService.Options.loopback("mixnode"), "",
                1 << 16, 1 << 16, 1024, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), false, m -> { });
    }

    public MixnodeOptions withSink(MessageSink s) {
        return new MixnodeOptions(packetBind, http, advertisedIngress, limiterSlots, replaySlots, queueCapacity, workers,
                ioThreads, effortPeriod, reportInterval, scheduleReports, s, control);
    }

    public MixnodeOptions withQueue(int capacity, int workerCount) {
        return new MixnodeOptions(packetBind, http, advertisedIngress, limiterSlots, replaySlots, capacity, workerCount,
                ioThreads, effortPeriod, reportInterval, scheduleReports, sink, control);
    }

    public MixnodeOptions withSizes(int limiter, int replay) {
        return new MixnodeOptions(packetBind, http, advertisedIngress, limiter, replay, queueCapacity, workers,
                ioThreads, effortPeriod, reportInterval, scheduleReports, sink, control);
    }

    public MixnodeOptions withScheduling(Duration effort, Duration report, boolean schedule) {
        return new MixnodeOptions(packetBind, http, advertisedIngress, limiterSlots, replaySlots, queueCapacity, workers,
                ioThreads, effort, report, schedule, sink, control);
    }

    public MixnodeOptions withNetwork(InetSocketAddress packets, HttpService.Options httpOptions, String advertised, int io) {
        return new MixnodeOptions(packets, httpOptions, advertised, limiterSlots, replaySlots, queueCapacity, workers,
                io, effortPeriod, reportInterval, scheduleReports, sink, control);
    }

    public MixnodeOptions withControl(ControlEndpoints endpoints) {
        return new MixnodeOptions(packetBind, http, advertisedIngress, limiterSlots, replaySlots, queueCapacity, workers,
                ioThreads, effortPeriod, reportInterval, scheduleReports, sink, endpoints);
    }
}
