package dev.virex.client;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.MessagePayload;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A Loopix-style sending loop: at every tick of a Poisson process with the public cover rate the
 * client sends one message, the next real one if any is waiting, else a cover message. Both are
 * sealed, solved and sized alike, so the stream on the wire does not depend on real traffic.
 */
public final class CoverTraffic {
    /** Counts of one run. */
    public record Stats(int sent, int real, int cover, int accepted) {}

    private final MixnodeClient client;
    private final PoissonSchedule schedule;
    private final Sleeper sleeper;
    private final BlockingQueue<Bytes> outbox;

    public CoverTraffic(MixnodeClient client, PoissonSchedule schedule, Sleeper sleeper, int outboxCapacity) {
        this.client = client;
        this.schedule = schedule;
        this.sleeper = sleeper;
        this.outbox = new ArrayBlockingQueue<>(outboxCapacity);
    }

    /** Queues a real message for the next tick; false when the outbox is full. */
    public boolean offer(Bytes message) {
        return outbox.offer(message);
    }

    /** Runs {@code ticks} ticks of the process. */
    public Stats run(int ticks) throws IOException, InterruptedException {
        int real = 0;
        int cover = 0;
        int accepted = 0;
        for (int i = 0; i < ticks; i++) {
            sleeper.sleep(schedule.next());
            Bytes next = outbox.poll();
            MessagePayload p = next == null ? MessagePayload.coverMessage() : MessagePayload.real(next);
            if (next == null) {
                cover++;
            } else {
                real++;
            }
            if (client.send(p).accepted()) {
                accepted++;
            }
        }
        return new Stats(ticks, real, cover, accepted);
    }
}
