package dev.virex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.RejectReason;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MixnodeClientTest {
    final FakeMixnode mixnode = new FakeMixnode();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:10:00Z"));
    final List<Duration> slept = new ArrayList<>();
    final List<RejectReason> seen = new ArrayList<>();
    final PowSolver solver = new PowSolver(2);

    MixnodeClient client(int maxAttempts) {
        Sleeper sleeper = d -> {
            slept.add(d);
            clock.advance(d);
        };
        MixnodeClient.Listener l = new MixnodeClient.Listener() {
            @Override
            public void rejected(RejectReason reason, Duration wait) {
                seen.add(reason);
            }
        };
        return new MixnodeClient(mixnode, mixnode, solver, new DeterministicRandom("client"), sleeper, clock,
                new MixnodeClient.Options(maxAttempts, 1 << 20), l);
    }

    @AfterEach
    void stop() {
        solver.close();
    }

    static MessagePayload hello() {
        return MessagePayload.real(Bytes.wrap("hello".getBytes()));
    }

    @Test
    void sendsASolvedSealedFrameAtTheSuggestedEffort() throws Exception {
        mixnode.suggested = 300;
        MixnodeClient.Result r = client(3).send(hello());
        assertThat(r.accepted()).isTrue();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(mixnode.frames.get(0).pow().effort()).isEqualTo(300);
        assertThat(mixnode.payloads).containsExactly(hello());
    }

    @Test
    void obeysBackoffWithFullJitterAndResendsTheSameFrame() throws Exception {
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.RATE_LIMITED, Duration.ofSeconds(2), 16, 16));
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.BACKOFF, Duration.ofSeconds(4), 16, 16));
        MixnodeClient.Result r = client(5).send(hello());
        assertThat(r.accepted()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(seen).containsExactly(RejectReason.RATE_LIMITED, RejectReason.BACKOFF);
        assertThat(slept.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(slept.get(1)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(r.waited()).isEqualTo(slept.get(0).plus(slept.get(1)));
        // The nonce was not spent by a rate-limit refusal: the very same frame went out again.
        assertThat(mixnode.frames.get(2)).isEqualTo(mixnode.frames.get(0));
    }

    @Test
    void followsARaisedFloorAtOnce() throws Exception {
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.EFFORT_TOO_LOW, Duration.ZERO, 2000, 1000));
        MixnodeClient.Result r = client(3).send(hello());
        assertThat(r.accepted()).isTrue();
        assertThat(mixnode.frames.get(1).pow().effort()).isEqualTo(2000);
        assertThat(mixnode.frames.get(1).pow().nonce()).isNotEqualTo(mixnode.frames.get(0).pow().nonce());
        assertThat(slept).isEmpty();
    }

    @Test
    void refetchesSeedsWhenTold() throws Exception {
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.STALE_SEED, Duration.ZERO, 16, 16));
        MixnodeClient c = client(3);
        c.info(false);
        assertThat(c.send(hello()).accepted()).isTrue();
        assertThat(mixnode.infoFetches).isEqualTo(2);
    }

    @Test
    void overloadRaisesTheBid() throws Exception {
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.OVERLOADED, Duration.ofMillis(100), 16, 16));
        assertThat(client(3).send(hello()).accepted()).isTrue();
        assertThat(mixnode.frames.get(1).pow().effort()).isEqualTo(32);
    }

    @Test
    void givesUpOnHopelessRefusalsAndAfterItsAttempts() throws Exception {
        mixnode.script.add(new FakeMixnode.Scripted(RejectReason.WRONG_MIXNODE, Duration.ZERO, 16, 16));
        assertThatThrownBy(() -> client(3).send(hello())).isInstanceOf(IOException.class).hasMessageContaining("wrong-mixnode");
        for (int i = 0; i < 3; i++) {
            mixnode.script.add(new FakeMixnode.Scripted(RejectReason.BACKOFF, Duration.ofSeconds(1), 16, 16));
        }
        MixnodeClient.Result r = client(3).send(hello());
        assertThat(r.accepted()).isFalse();
        assertThat(r.lastReason()).contains(RejectReason.BACKOFF);
    }

    @Test
    void refusesAnEffortAboveItsOwnLimit() {
        mixnode.suggested = 1 << 21;
        assertThatThrownBy(() -> client(3).send(hello())).hasMessageContaining("above this client's limit");
    }
}
