package dev.virex.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.node.ingress.MixnodeIngress;
import dev.virex.testkit.MutableClock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Under overload the queue serves higher effort first and drops the lowest (Tor's priority queue). */
class OverloadTest {
    @Test
    void theLowestEffortIsDroppedAndHigherEffortServedFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        try (MixnodeFixture f = new MixnodeFixture("mixnode-o.example",
                ParamsTimeline.constant(MixnodeFixture.T0, AbuseParams.defaults()), new MutableClock(MixnodeFixture.T0),
                MixnodeOptions.loopback().withQueue(2, 1))) {
            f.onDeliver = m -> { // hold the only worker on the first message
                if (new String(m.toArray()).equals("a")) {
                    firstTaken.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            PowInfo info = f.api.powInfo();
            byte[] id = {10, 0, 0, 1};
            MixnodeIngress in = f.mixnode.ingress();
            CompletableFuture<ReplyFrame> a = in.submit(frame(f, info, 16, "a"), id);
            assertThat(firstTaken.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ReplyFrame> b = in.submit(frame(f, info, 16, "b"), id);
            CompletableFuture<ReplyFrame> c = in.submit(frame(f, info, 16, "c"), id);
            CompletableFuture<ReplyFrame> d = in.submit(frame(f, info, 64, "d"), id); // evicts c, the newest lowest
            CompletableFuture<ReplyFrame> e = in.submit(frame(f, info, 16, "e"), id); // not higher than the lowest: refused
            assertThat(c.get(30, TimeUnit.SECONDS).reason()).contains(RejectReason.OVERLOADED);
            assertThat(c.get().retryAfter()).isPositive();
            assertThat(e.get(30, TimeUnit.SECONDS).reason()).contains(RejectReason.OVERLOADED);
            release.countDown();
            for (CompletableFuture<ReplyFrame> ok : List.of(a, b, d)) {
                assertThat(ok.get(30, TimeUnit.SECONDS).accepted()).isTrue();
            }
            assertThat(f.delivered.stream().map(m -> new String(m.toArray()))).containsExactly("a", "d", "b");
            assertThat(in.stats().snapshot().rejected(RejectReason.OVERLOADED)).isEqualTo(2);
        }
    }

    private static byte[] frame(MixnodeFixture f, PowInfo info, long effort, String text) {
        return MixnodeFixture.frame(info, info.epochSeeds().current(), effort, info.identityBytes(), info.mixnodePrefix(),
                MessagePayload.real(Bytes.wrap(text.getBytes())), f.random());
    }
}
