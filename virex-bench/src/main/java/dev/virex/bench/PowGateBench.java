package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import dev.virex.node.gate.ClientKeys;
import dev.virex.node.gate.IngressGate;
import dev.virex.node.gate.RateLimiter;
import dev.virex.node.gate.ReplayCache;
import dev.virex.node.gate.Verdict;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole gate check of one 2048-byte submit frame (header, backoff, seed, effort floor, message
 * digest, PoW hash, rate limit, replay memory) against the baseline of one bare JDK SHA-256 of
 * the same 2048 bytes. Goal: within 3x. Every frame carries a fresh nonce and comes from one of a
 * million client identities, so no check is short-circuited; the benchmark fails if any is refused.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PowGateBench {
    static final int CLIENTS = 1 << 20;

    private final SecureRandom random = new SecureRandom();
    private SignerKey key;
    private LocalEpochBeacon beacon;
    private ParamsTimeline params;
    private Instant start;
    private IngressGate gate;
    private byte[] frame;
    private final byte[] identity = new byte[4];
    private long counter;
    private long refused;
    private MessageDigest sha;
    private final byte[] out = new byte[32];

    @Setup(Level.Trial)
    public void setup() throws GeneralSecurityException {
        key = SignerKey.generate("bench-mixnode.example", random);
        start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        beacon = new LocalEpochBeacon(start, Duration.ofHours(6), key.noteSigner());
        // Effort 1 accepts any solution, so a frame stays valid when only its nonce changes; the
        // verifier's cost does not depend on the effort (one hash either way).
        params = ParamsTimeline.constant(start.minusSeconds(60),
                AbuseParams.defaults().withEffortFloor(1).withRate(AbuseParams.MAX_RATE_PER_MINUTE, 1000));
        Bytes id = key.verifierKey().publicKey();
        IngressSeal.OpeningKey opening = IngressSeal.OpeningKey.derive(new byte[32], id);
        IngressSeal.Sealed sealed = IngressSeal.seal(opening.publicKey(), id, MessagePayload.coverMessage(), random);
        EpochSeed seed = beacon.at(Instant.now()).current();
        PowSolution pow = new PowSolution(PowAlgorithm.SHA256_V1, seed.head(), Bytes.wrap(new byte[16]), 1, Sha256Pow.solution(0, 0));
        frame = new SubmitFrame(ByteBuffer.wrap(id.toArray()).getLong(), pow, sealed.encapsulatedKey(), sealed.ciphertext()).encode();
        sha = MessageDigest.getInstance("SHA-256");
    }

    /** A fresh gate per iteration: the replay memory is sized for one iteration's nonces. */
    @Setup(Level.Iteration)
    public void freshGate() {
        Instant now = Instant.now();
        gate = new IngressGate(key.verifierKey().publicKey(), params, beacon, Clock.systemUTC(),
                new RateLimiter(1 << 21, random, now.getEpochSecond() * 1_000_000_000L + now.getNano()),
                new ReplayCache(1 << 23, random), new ClientKeys(random));
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (refused > 0) {
            throw new IllegalStateException(refused + " valid frames were refused by the gate");
        }
    }

    @Benchmark
    public byte[] baselineJdkSha256() throws DigestException {
        sha.update(frame, 0, SubmitFrame.BYTES);
        sha.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public Verdict gateCheck() {
        long n = ++counter;
        ByteBuffer.wrap(frame, SubmitFrame.OFF_POW + PowSolution.OFF_NONCE, 8).putLong(n);
        ByteBuffer.wrap(identity).putInt((int) (n % CLIENTS));
        Verdict v = gate.check(frame, identity);
        if (!(v instanceof Verdict.Pass)) {
            refused++;
        }
        return v;
    }
}
