package dev.virex.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.client.TcpIngress;
import dev.virex.core.Bytes;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.testkit.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "done when" scenarios, over loopback TCP and HTTP with an injected clock. */
class MixnodeLoopbackTest {
    static final AbuseParams PARAMS = AbuseParams.defaults(); // floor 16, 120/min, burst 20
    MixnodeFixture f;
    PowSolver solver;

    @BeforeEach
    void start() {
        f = new MixnodeFixture("mixnode-a.example", ParamsTimeline.constant(MixnodeFixture.T0, PARAMS));
        solver = new PowSolver(2);
    }

    @AfterEach
    void stop() throws Exception {
        solver.close();
        f.close();
    }

    static Optional<RejectReason> reason(ReplyFrame r) {
        return r.reason();
    }

    @Test
    void validRealAndCoverMessagesAreAccepted() throws Exception {
        MixnodeClient c = f.client("127.0.0.2", solver, f.clockSleeper(new ArrayList<>()), MixnodeClient.Listener.NONE);
        assertThat(c.send(MessagePayload.real(Bytes.wrap("hello mix".getBytes()))).accepted()).isTrue();
        assertThat(c.send(MessagePayload.coverMessage()).accepted()).isTrue();
        assertThat(f.delivered).containsExactly(Bytes.wrap("hello mix".getBytes()));
        assertThat(f.mixnode.ingress().stats().snapshot().accepted()).isEqualTo(2);
        assertThat(f.mixnode.ingress().stats().snapshot().cover()).isEqualTo(1);
    }

    @Test
    void theSameClientRunsInMemoryWithoutSockets() throws Exception {
        MixnodeClient c = new MixnodeClient(f.mixnode, f.mixnode.inMemory(new byte[] {10, 0, 0, 7}), solver,
                new dev.virex.testkit.DeterministicRandom("in-memory"), f.clockSleeper(new ArrayList<>()), f.clock,
                MixnodeClient.Options.defaults(), MixnodeClient.Listener.NONE);
        assertThat(c.send(MessagePayload.real(Bytes.wrap("in memory".getBytes()))).accepted()).isTrue();
        assertThat(f.delivered).containsExactly(Bytes.wrap("in memory".getBytes()));
    }

    @Test
    void eachBadSubmissionIsRejectedWithItsReason() throws Exception {
        PowInfo info = f.api.powInfo();
        EpochSeed current = info.epochSeeds().current();
        // A valid frame first, then the same frame again: a reused solution.
        TcpIngress honest = f.connect("127.0.0.3");
        byte[] valid = f.validFrame(info, 16, "first");
        assertThat(honest.submit(valid).accepted()).isTrue();
        assertThat(reason(f.connect("127.0.0.4").submit(valid))).contains(RejectReason.REPLAY);

        // A seed nobody published.
        EpochSeed wrong = new EpochSeed(0, Bytes.fromHex("77".repeat(32)), current.start(), current.length());
        byte[] wrongSeed = MixnodeFixture.frame(info, wrong, 16, info.identityBytes(), info.mixnodePrefix(),
                MessagePayload.coverMessage(), f.random());
        assertThat(reason(f.connect("127.0.0.5").submit(wrongSeed))).contains(RejectReason.UNKNOWN_SEED);

        // A solution for another message: the sealed part of one valid frame with the PoW of another.
        byte[] a = f.validFrame(info, 16, "message a");
        byte[] b = f.validFrame(info, 16, "message b");
        System.arraycopy(b, SubmitFrame.OFF_SEALED, a, SubmitFrame.OFF_SEALED, SubmitFrame.BYTES - SubmitFrame.OFF_SEALED);
        assertThat(reason(f.connect("127.0.0.6").submit(a))).contains(RejectReason.INVALID_SOLUTION);

        // A solution for another mixnode: named as such, or named as this one but solved for the other.
        Bytes other = TestKeys.signer("mixnode-b.example").verifierKey().publicKey();
        long otherPrefix = java.nio.ByteBuffer.wrap(other.toArray()).getLong();
        byte[] forOther = MixnodeFixture.frame(info, current, 16, other, otherPrefix, MessagePayload.coverMessage(), f.random());
        assertThat(reason(f.connect("127.0.0.7").submit(forOther))).contains(RejectReason.WRONG_MIXNODE);
        byte[] solvedForOther = MixnodeFixture.frame(info, current, 16, other, info.mixnodePrefix(), MessagePayload.coverMessage(), f.random());
        assertThat(reason(f.connect("127.0.0.8").submit(solvedForOther))).contains(RejectReason.INVALID_SOLUTION);

        // Too low an effort; the reply says what is needed.
        ReplyFrame low = f.connect("127.0.0.9").submit(f.validFrame(info, 8, "cheap"));
        assertThat(reason(low)).contains(RejectReason.EFFORT_TOO_LOW);
        assertThat(low.effortFloor()).isEqualTo(16);

        // A stale seed: two epochs later the seed of epoch 0 is no longer accepted.
        byte[] old = f.validFrame(info, 16, "late");
        f.clock.advance(MixnodeFixture.EPOCH.multipliedBy(2));
        assertThat(reason(f.connect("127.0.0.10").submit(old))).contains(RejectReason.STALE_SEED);

        // Garbage on the wire: malformed, and the connection keeps working.
        TcpIngress g = f.connect("127.0.0.11");
        assertThat(reason(g.submit(new byte[SubmitFrame.BYTES]))).contains(RejectReason.MALFORMED);
        assertThat(g.submit(f.validFrame(f.api.powInfo(), 16, "after garbage")).accepted()).isTrue();
    }

    @Test
    void aClientOverItsLimitGetsGrowingBackoffAndRecoversAfterWaiting() throws Exception {
        MixnodeFixture limited = new MixnodeFixture("mixnode-l.example", ParamsTimeline.constant(MixnodeFixture.T0,
                PARAMS.withRate(60, 3).withBackoff(Duration.ofSeconds(2), Duration.ofMinutes(1))));
        try (limited) {
            PowInfo info = limited.api.powInfo();
            TcpIngress t = limited.connect("127.0.0.20");
            for (int i = 0; i < 3; i++) {
                assertThat(t.submit(limited.validFrame(info, 16, "burst " + i)).accepted()).isTrue();
            }
            byte[] fourth = limited.validFrame(info, 16, "fourth");
            ReplyFrame r1 = t.submit(fourth);
            assertThat(reason(r1)).contains(RejectReason.RATE_LIMITED);
            ReplyFrame r2 = t.submit(limited.validFrame(info, 16, "fifth"));
            ReplyFrame r3 = t.submit(limited.validFrame(info, 16, "sixth"));
            assertThat(reason(r2)).contains(RejectReason.BACKOFF);
            assertThat(reason(r3)).contains(RejectReason.BACKOFF);
            assertThat(r2.retryAfter()).isGreaterThan(r1.retryAfter());
            assertThat(r3.retryAfter()).isGreaterThan(r2.retryAfter());
            // Another client is not affected.
            assertThat(limited.connect("127.0.0.21").submit(limited.validFrame(info, 16, "other")).accepted()).isTrue();
            // Waiting as told: the refused frame (its nonce was not spent) goes through.
            limited.clock.advance(r3.retryAfter());
            assertThat(t.submit(fourth).accepted()).isTrue();

            // The client library does the same by itself: it sleeps (here: moves the clock) and gets through.
            List<Duration> waits = new ArrayList<>();
            MixnodeClient c = limited.client("127.0.0.22", solver, limited.clockSleeper(waits), MixnodeClient.Listener.NONE);
            for (int i = 0; i < 6; i++) {
                assertThat(c.send(MessagePayload.coverMessage()).accepted()).isTrue();
            }
            assertThat(waits).isNotEmpty();
        }
    }

    @Test
    void metricsAndReportsAreAggregateSignedAndPublishedPerInterval() throws Exception {
        PowInfo info = f.api.powInfo();
        TcpIngress t = f.connect("127.0.0.30");
        byte[] frame = f.validFrame(info, 16, "counted");
        assertThat(t.submit(frame).accepted()).isTrue();
        assertThat(reason(t.submit(frame))).contains(RejectReason.REPLAY);
        assertThat(f.mixnode.metricsText()).doesNotContain("virex_ingress_accepted_total 1.0");

        f.clock.advance(Duration.ofMinutes(1));
        f.mixnode.tick();
        var report = dev.virex.core.pow.EnforcementReport.open(f.api.report(-1), f.key.verifierKey());
        assertThat(report.interval()).isEqualTo(f.mixnode.publisher().intervalAt(MixnodeFixture.T0));
        assertThat(report.problemsAgainst(PARAMS)).isEmpty();
        assertThat(report.accepted() % 16).isZero();
        assertThat(report.rejected().get(RejectReason.REPLAY) % 16).isZero();
        assertThat(f.api.report(report.interval())).isEqualTo(f.api.report(-1));

        String metrics = f.mixnode.metricsText();
        assertThat(metrics).contains("virex_ingress_accepted_total", "virex_ingress_rejected_total{reason=\"replay\"}",
                "virex_ingress_replays_total", "virex_pow_suggested_effort", "virex_pow_effort_floor 16.0");
        assertThat(metrics).doesNotContain("127.0.0", "cover");
        var http = dev.virex.http.HttpClients.newClient();
        var scraped = dev.virex.http.HttpClients.exchange(http, java.net.http.HttpRequest.newBuilder(
                f.mixnode.httpUri().resolve("/metrics")).build(), 1 << 20);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(new String(scraped.body())).isEqualTo(metrics);
        var missing = dev.virex.http.HttpClients.exchange(http, java.net.http.HttpRequest.newBuilder(
                f.mixnode.httpUri().resolve("/v1/reports/12")).build(), 4096);
        assertThat(missing.status()).isEqualTo(404);
        var bad = dev.virex.http.HttpClients.exchange(http, java.net.http.HttpRequest.newBuilder(
                f.mixnode.httpUri().resolve("/v1/reports/012")).build(), 4096);
        assertThat(bad.status()).isEqualTo(400);
    }
}
