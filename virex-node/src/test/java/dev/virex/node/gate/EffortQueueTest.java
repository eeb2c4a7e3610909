package dev.virex.node.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EffortQueueTest {
    @Test
    void highestEffortFirstOldestAmongEquals() throws Exception {
        EffortQueue<String> q = new EffortQueue<>(10);
        q.offer(10, "a");
        q.offer(50, "b");
        q.offer(10, "c");
        q.offer(50, "d");
        assertThat(q.snapshot()).isEqualTo(new EffortQueue.Snapshot(4, 50));
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            order.append(q.poll(1, TimeUnit.SECONDS).orElseThrow().value());
        }
        assertThat(order).hasToString("bdac");
        assertThat(q.poll(0, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void whenFullTheLowestIsDropped() {
        EffortQueue<String> q = new EffortQueue<>(2);
        q.offer(10, "low");
        q.offer(20, "mid");
        EffortQueue.Offer<String> high = q.offer(30, "high");
        assertThat(high.dropped()).map(EffortQueue.Entry::value).contains("low");
        EffortQueue.Offer<String> tooLow = q.offer(20, "late");
        assertThat(tooLow.dropped()).map(EffortQueue.Entry::value).contains("late");
        assertThat(q.snapshot()).isEqualTo(new EffortQueue.Snapshot(2, 30));
    }

    @Test
    void closingWakesWorkers() throws Exception {
        EffortQueue<String> q = new EffortQueue<>(2);
        q.close();
        assertThat(q.poll(10, TimeUnit.SECONDS)).isEmpty();
    }
}
