package dev.virex.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsChange;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scheduled parameter change (what a federation params-changed decision carries) raises the
 * effort at every mixnode at its activation time, not a moment earlier.
 */
class ParamsChangeTest {
    static final Instant ACTIVATION = MixnodeFixture.T0.plus(Duration.ofMinutes(15));
    static final AbuseParams LOW = AbuseParams.defaults();
    static final AbuseParams HIGH = LOW.withEffortFloor(3000);

    @Test
    void everyMixnodeSwitchesAtTheActivationTime() throws Exception {
        ParamsTimeline timeline = ParamsTimeline.constant(MixnodeFixture.T0, LOW).with(new ParamsChange(ACTIVATION, HIGH));
        MutableClock clock = new MutableClock(MixnodeFixture.T0);
        List<MixnodeFixture> mixnodes = List.of(
                new MixnodeFixture("mixnode-1.example", timeline, clock, MixnodeOptions.loopback()),
                new MixnodeFixture("mixnode-2.example", timeline, clock, MixnodeOptions.loopback()));
        try (PowSolver solver = new PowSolver(2)) {
            clock.set(ACTIVATION.minusSeconds(1));
            int ip = 40;
            for (MixnodeFixture f : mixnodes) {
                PowInfo info = f.api.powInfo();
                assertThat(info.effortFloor()).isEqualTo(16);
                assertThat(info.nextParams()).startsWith("activation 2026-01-01T00:15:00Z\n").contains("effort-floor 3000\n");
                assertThat(f.connect("127.0.0." + ip++).submit(f.validFrame(info, 16, "before")).accepted()).isTrue();
            }
            clock.set(ACTIVATION);
            for (MixnodeFixture f : mixnodes) {
                PowInfo stale = f.api.powInfo();
                ReplyFrame r = f.connect("127.0.0." + ip++).submit(f.validFrame(stale, 16, "after"));
                assertThat(r.reason()).contains(RejectReason.EFFORT_TOO_LOW);
                assertThat(r.effortFloor()).isEqualTo(3000);
                assertThat(r.suggestedEffort()).isGreaterThanOrEqualTo(3000);
                PowInfo now = f.api.powInfo();
                assertThat(now.effortFloor()).isEqualTo(3000);
                assertThat(now.nextParams()).isEmpty();
                assertThat(now.abuseParams()).isEqualTo(HIGH);
                // A client following the mixnode's answer pays the new effort and gets through.
                List<RejectReason> seen = new ArrayList<>();
                MixnodeClient c = f.client("127.0.0." + ip++, solver, f.clockSleeper(new ArrayList<>()), new MixnodeClient.Listener() {
                    @Override
                    public void rejected(RejectReason reason, Duration wait) {
                        seen.add(reason);
                    }
                });
                MixnodeClient.Result sent = c.send(MessagePayload.coverMessage());
                assertThat(sent.accepted()).isTrue();
                assertThat(sent.effort()).isGreaterThanOrEqualTo(3000);
                assertThat(seen).isEmpty();
            }
        } finally {
            for (MixnodeFixture f : mixnodes) {
                f.close();
            }
        }
    }
}
