package dev.virex.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.virex.core.pow.AbuseParams;
import dev.virex.node.gate.RateLimiter;
import io.github.bucket4j.Bucket;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One rate-limit decision among a million tracked clients: the mixnode's GCRA table against the
 * usual Java stack, a Bucket4j bucket per client in a Caffeine cache (the baseline). The secondary
 * figure {@code bytesPerClient} is the heap each holds per tracked client, measured as the heap
 * growth from filling it with a million clients. Goals: faster, and at most a third of the memory.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RateLimiterBench {
    static final int CLIENTS = 1_000_000;
    static final AbuseParams PARAMS = AbuseParams.defaults(); // 120 per minute, burst 20

    /** The same million 64-bit client keys for both (what the keyed hash of an address gives). */
    @State(Scope.Benchmark)
    public static class Keys {
        final long[] keys = new long[1 << 20];
        int next;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = r.nextLong();
            }
        }

        long next() {
            return keys[next++ % CLIENTS];
        }
    }

    @State(Scope.Benchmark)
    public static class Gcra {
        RateLimiter limiter;
        RateLimiter.Policy policy = RateLimiter.Policy.of(PARAMS);
        double bytesPerClient;

        @Setup(Level.Trial)
        public void setup(Keys k) {
            long before = usedHeap();
            limiter = new RateLimiter(1 << 21, new SecureRandom(), System.nanoTime());
            long now = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                limiter.acquire(k.keys[i], now, policy);
            }
            bytesPerClient = (double) (usedHeap() - before) / CLIENTS;
        }
    }

    @State(Scope.Benchmark)
    public static class Bucket4jCaffeine {
        Cache<Long, Bucket> cache;
        double bytesPerClient;

        @Setup(Level.Trial)
        public void setup(Keys k) {
            long before = usedHeap();
            cache = Caffeine.newBuilder().maximumSize(2L * CLIENTS).expireAfterAccess(Duration.ofMinutes(10)).build();
            for (int i = 0; i < CLIENTS; i++) {
                cache.get(k.keys[i], x -> newBucket()).tryConsume(1);
            }
            cache.cleanUp();
            bytesPerClient = (double) (usedHeap() - before) / CLIENTS;
        }

        static Bucket newBucket() {
            return Bucket.builder().addLimit(l -> l.capacity(PARAMS.burst())
                    .refillGreedy(PARAMS.ratePerMinute(), Duration.ofMinutes(1))).build();
        }
    }

    /** Memory per tracked client, reported once per run (JMH sums event counters over iterations). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Memory {
        public double bytesPerClient;
        private int iterations;

        @Setup(Level.Trial)
        public void setup(BenchmarkParams p) {
            iterations = p.getMeasurement().getCount();
        }

        void report(double perClient) {
            bytesPerClient = perClient / iterations;
        }
    }

    @Benchmark
    public boolean baselineBucket4jCaffeine(Bucket4jCaffeine b, Keys k, Memory m) {
        m.report(b.bytesPerClient);
        return b.cache.get(k.next(), x -> Bucket4jCaffeine.newBucket()).tryConsume(1);
    }

    @Benchmark
    public boolean gcraTable(Gcra g, Keys k, Memory m) {
        m.report(g.bytesPerClient);
        return g.limiter.acquire(k.next(), System.nanoTime(), g.policy).accepted();
    }

    static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
