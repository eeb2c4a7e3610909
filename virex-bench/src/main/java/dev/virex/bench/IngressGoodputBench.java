package dev.virex.bench;

import dev.virex.client.TcpIngress;
import dev.virex.core.Bytes;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import dev.virex.node.Mixnode;
import dev.virex.node.MixnodeOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Goodput of a mixnode's packet port over loopback: legitimate clients (eight identities,
 * 127.0.1.x) seal, solve and send one message at a time and wait for the reply. In
 * {@code underAttack}, for every legitimate message, attackers (127.0.2.x) send ten frames:
 * invalid solutions, replays of legitimate frames, and valid frames above their rate limit. The
 * baseline is the same traffic without the attack. Secondary figures: legitimate messages
 * accepted and refused per second. Goal: at least 99% of legitimate messages accepted under attack.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class IngressGoodputBench {
    static final int LEGIT = 8;
    static final int ATTACK_RATIO = 10;
    static final long EFFORT = 8;

    private final SecureRandom random = new SecureRandom();
    private Mixnode mixnode;
    private PowInfo info;
    private final List<TcpIngress> legit = new ArrayList<>();
    private final List<Attacker> attackers = new ArrayList<>();
    private final Semaphore credits = new Semaphore(0);
    private volatile byte[] lastLegit;
    private int turn;

    /** Legitimate outcomes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        public long legitAccepted;
        public long legitRefused;

        @Setup(Level.Iteration)
        public void reset() {
            legitAccepted = 0;
            legitRefused = 0;
        }
    }

    @Setup(Level.Trial)
    public void setup() throws IOException {
        SignerKey key = SignerKey.generate("goodput-mixnode.example", random);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        // Each identity may send 1,000 messages a second (burst 200): legitimate clients stay under it.
        AbuseParams p = AbuseParams.defaults().withEffortFloor(EFFORT).withRate(60_000, 200)
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        mixnode = Mixnode.start(key, ParamsTimeline.constant(start.minusSeconds(60), p),
                new LocalEpochBeacon(start, Duration.ofHours(6), key.noteSigner()), Clock.systemUTC(), random,
                MixnodeOptions.loopback().withQueue(4096, 1).withSizes(1 << 16, 1 << 22));
        info = mixnode.powInfo();
        for (int i = 0; i < LEGIT; i++) {
            legit.add(TcpIngress.connect(mixnode.packetAddress(), InetAddress.getByName("127.0.1." + (i + 1)), Duration.ofSeconds(30)));
        }
        attackers.add(new Attacker("127.0.2.1", Kind.INVALID));
        attackers.add(new Attacker("127.0.2.2", Kind.REPLAY));
        attackers.add(new Attacker("127.0.2.3", Kind.OVER_LIMIT));
        attackers.forEach(Attacker::start);
        lastLegit = frame(true);
    }

    @TearDown(Level.Trial)
    public void teardown() throws IOException {
        attackers.forEach(Attacker::stop);
        for (TcpIngress t : legit) {
            t.close();
        }
        mixnode.close();
    }

    @Benchmark
    public boolean baselineNoAttack(Outcomes o) throws IOException {
        return sendLegit(o);
    }

    @Benchmark
    public boolean underAttack(Outcomes o) throws IOException {
        if (credits.availablePermits() < 100_000) {
            credits.release(ATTACK_RATIO);
        }
        return sendLegit(o);
    }

    private boolean sendLegit(Outcomes o) throws IOException {
        byte[] f = frame(true);
        ReplyFrame r = legit.get(turn++ % LEGIT).submit(f);
        lastLegit = f;
        if (r.accepted()) {
            o.legitAccepted++;
        } else {
            o.legitRefused++;
        }
        return r.accepted();
    }

    /** A sealed frame with a fresh nonce, solved (or, for invalid ones, deliberately not). */
    byte[] frame(boolean valid) {
        MessagePayload m = MessagePayload.coverMessage();
        IngressSeal.Sealed s = IngressSeal.seal(info.kemKey(), info.identityBytes(), m, random);
        EpochSeed seed = info.epochSeeds().current();
        byte[] n = new byte[16];
        random.nextBytes(n);
        PowPuzzle puzzle = new PowPuzzle(info.identityBytes(), seed.seed(), SubmitFrame.messageDigest(s.encapsulatedKey(), s.ciphertext()));
        long c = valid ? Sha256Pow.search(puzzle, Bytes.wrap(n), EFFORT, 0, 0, 1 << 20).orElseThrow() : findInvalid(puzzle, n);
        PowSolution sol = new PowSolution(PowAlgorithm.SHA256_V1, seed.head(), Bytes.wrap(n), EFFORT, Sha256Pow.solution(0, c));
        return new SubmitFrame(info.mixnodePrefix(), sol, s.encapsulatedKey(), s.ciphertext()).encode();
    }

    private static long findInvalid(PowPuzzle p, byte[] n) {
        for (long c = 0; ; c++) {
            if (Sha256Pow.search(p, Bytes.wrap(n), EFFORT, 0, c, 1).isEmpty()) {
                return c;
            }
        }
    }

    enum Kind { INVALID, REPLAY, OVER_LIMIT }

    /** One attacking identity: sends a frame per credit, pipelined, and drains the replies. */
    final class Attacker {
        final TcpIngress conn;
        final Kind kind;
        final List<byte[]> pool = new ArrayList<>();
        final Thread sender;
        final Thread reader;
        volatile boolean running = true;

        Attacker(String ip, Kind kind) throws IOException {
            this.conn = TcpIngress.connect(mixnode.packetAddress(), InetAddress.getByName(ip), Duration.ofMinutes(10));
            this.kind = kind;
            for (int i = 0; i < 256; i++) {
                pool.add(frame(kind != Kind.INVALID)); // over-limit frames are valid: the limit, not the PoW, refuses them
            }
            sender = new Thread(this::send, "attacker-" + kind);
            reader = new Thread(this::drain, "attacker-reader-" + kind);
            sender.setDaemon(true);
            reader.setDaemon(true);
        }

        void start() {
            sender.start();
            reader.start();
        }

        void send() {
            int i = 0;
            try {
                while (running) {
                    if (!credits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    byte[] f = switch (kind) {
                        case REPLAY -> lastLegit;
                        default -> pool.get(i++ % pool.size());
                    };
                    conn.send(f);
                }
            } catch (IOException | InterruptedException e) {
                // the run is over
            }
        }

        void drain() {
            try {
                while (running) {
                    conn.receive();
                }
            } catch (IOException e) {
                // the run is over
            }
        }

        void stop() {
            running = false;
            try {
                conn.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
