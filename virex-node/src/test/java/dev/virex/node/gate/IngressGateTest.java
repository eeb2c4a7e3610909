package dev.virex.node.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gate alone, in memory: ordering of checks, violations, epoch rotation. */
class IngressGateTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Bytes ID = TestKeys.signer("gate.example").verifierKey().publicKey();
    static final IngressSeal.OpeningKey KEY = IngressSeal.OpeningKey.derive(new byte[32], ID);
    static final byte[] CLIENT = {127, 0, 0, 1};

    final MutableClock clock = new MutableClock(T0);
    final DeterministicRandom random = new DeterministicRandom("gate");
    final LocalEpochBeacon beacon = new LocalEpochBeacon(T0, Duration.ofMinutes(10), TestKeys.signer("beacon.example").noteSigner());

    IngressGate gate(AbuseParams p) {
        return new IngressGate(ID, ParamsTimeline.constant(T0, p), beacon, clock, new RateLimiter(1024, random, 0),
                new ReplayCache(1024, random), new ClientKeys(random));
    }

    byte[] frame(long effort, boolean solve) {
        IngressSeal.Sealed s = IngressSeal.seal(KEY.publicKey(), ID, MessagePayload.coverMessage(), random);
        EpochSeed seed = beacon.at(clock.instant()).current();
        byte[] n = new byte[16];
        random.nextBytes(n);
        PowPuzzle p = new PowPuzzle(ID, seed.seed(), SubmitFrame.messageDigest(s.encapsulatedKey(), s.ciphertext()));
        long counter = solve ? Sha256Pow.search(p, Bytes.wrap(n), effort, 0, 0, 10_000_000).orElseThrow()
                : Sha256Pow.search(p, Bytes.wrap(n), effort, 0, 0, 10_000_000).orElseThrow() + 1;
        PowSolution sol = new PowSolution(PowAlgorithm.SHA256_V1, seed.head(), Bytes.wrap(n), effort, Sha256Pow.solution(0, counter));
        return new SubmitFrame(ByteBuffer.wrap(ID.toArray()).getLong(), sol, s.encapsulatedKey(), s.ciphertext()).encode();
    }

    static RejectReason reason(Verdict v) {
        return v instanceof Verdict.Reject r ? r.reason() : null;
    }

    @Test
    void anInvalidSolutionPutsTheSenderInBackoffSoItsNextFramesCostNoHash() {
        IngressGate g = gate(AbuseParams.defaults());
        byte[] bad = frame(5000, false);
        if (reason(g.check(bad, CLIENT)) == null) {
            return; // the neighbouring counter happened to solve too (probability 1/5000)
        }
        Verdict next = g.check(frame(16, true), CLIENT);
        assertThat(reason(next)).isEqualTo(RejectReason.BACKOFF);
        assertThat(((Verdict.Reject) next).retryAfterNanos()).isPositive();
        // A different client is served.
        assertThat(g.check(frame(16, true), new byte[] {127, 0, 0, 2})).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void anUnknownAlgorithmInTheParametersIsRefusedNotGuessed() {
        IngressGate g = gate(new AbuseParams("equix-v1", 16, 1000, 120, 20, Duration.ofSeconds(1), Duration.ofMinutes(1), 60));
        assertThat(reason(g.check(frame(16, true), CLIENT))).isEqualTo(RejectReason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void limiterStateDoesNotOutliveTheEpoch() {
        IngressGate g = gate(AbuseParams.defaults().withRate(60, 1));
        assertThat(g.check(frame(16, true), CLIENT)).isInstanceOf(Verdict.Pass.class);
        assertThat(reason(g.check(frame(16, true), CLIENT))).isEqualTo(RejectReason.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(10)); // next epoch: new client-key secret, fresh table
        assertThat(g.check(frame(16, true), CLIENT)).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void clientKeysAreUnlinkableAcrossEpochs() throws Exception {
        ClientKeys keys = new ClientKeys(new DeterministicRandom("keys"));
        keys.rotate(1);
        long k1 = keys.keyOf(CLIENT);
        assertThat(keys.keyOf(CLIENT)).isEqualTo(k1);
        assertThat(keys.rotate(1)).isFalse();
        assertThat(keys.rotate(2)).isTrue();
        assertThat(keys.keyOf(CLIENT)).isNotEqualTo(k1);
        assertThat(ClientKeys.identity(java.net.InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).hasSize(8);
        assertThat(ClientKeys.identity(java.net.InetAddress.getByName("2001:db8:1:2:ffff::1")))
                .isEqualTo(ClientKeys.identity(java.net.InetAddress.getByName("2001:db8:1:2:3:4:5:6")));
    }
}
