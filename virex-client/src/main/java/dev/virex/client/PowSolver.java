package dev.virex.client;

import dev.virex.core.Bytes;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Solves sha256-v1 puzzles on several threads: thread i tries solutions {@code i || counter} in
 * chunks, all stop as soon as one finds a solution or the caller cancels. Expected work is
 * {@code effort} hashes (proposal 327's linear rule), so the expected time is effort divided by the
 * measured hash rate.
 */
public final class PowSolver implements AutoCloseable {
    static final int CHUNK = 4096;

    /** Progress of one solve: attempts so far against the expected number (the effort). */
    @FunctionalInterface
    public interface Progress {
        void update(long attempts, long expected);

        Progress NONE = (a, e) -> { };
    }

    /** A running solve. */
    public record Solving(CompletableFuture<PowSolution> result, Runnable cancel) {}

    private final int threads;
    private final ExecutorService pool;
    private volatile double hashesPerSecond;

    public PowSolver(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread");
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "virex-pow-solver");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Starts solving; cancel through {@link Solving#cancel()} or by cancelling the future. */
    public Solving solve(PowPuzzle puzzle, long seedHead, Bytes nonce, long effort, Progress progress) {
        CompletableFuture<PowSolution> result = new CompletableFuture<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong attempts = new AtomicLong();
        long started = System.nanoTime();
        result.whenComplete((s, e) -> stop.set(true));
        for (int lane = 0; lane < threads; lane++) {
            long l = lane;
            pool.execute(() -> {
                long start = 0;
                while (!stop.get()) {
                    OptionalLong hit = Sha256Pow.search(puzzle, nonce, effort, l, start, CHUNK);
                    long done = attempts.addAndGet(hit.isPresent() ? hit.getAsLong() - start + 1 : CHUNK);
                    if (hit.isPresent()) {
                        recordRate(done, System.nanoTime() - started);
                        result.complete(new PowSolution(PowAlgorithm.SHA256_V1, seedHead, nonce, effort,
                                Sha256Pow.solution(l, hit.getAsLong())));
                        return;
                    }
                    progress.update(done, effort);
                    start += CHUNK;
                }
            });
        }
        return new Solving(result, () -> result.completeExceptionally(new CancellationException("PoW solve cancelled")));
    }

    /** Solves and waits; interruption cancels the solve. */
    public PowSolution solveNow(PowPuzzle puzzle, long seedHead, Bytes nonce, long effort, Progress progress)
            throws InterruptedException {
        Solving s = solve(puzzle, seedHead, nonce, effort, progress);
        try {
            return s.result().get();
        } catch (InterruptedException e) {
            s.cancel().run();
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CancellationException(e.getCause().getMessage());
        }
    }

    private void recordRate(long attempts, long nanos) {
        if (attempts >= 10_000 && nanos > 0) {
            hashesPerSecond = attempts * 1e9 / nanos;
        }
    }

    /** Hashes per second on all threads: the last measurement, or a short calibration run. */
    public double hashRate() {
        double r = hashesPerSecond;
        if (r > 0) {
            return r;
        }
        PowPuzzle p = new PowPuzzle(Bytes.wrap(new byte[32]), Bytes.wrap(new byte[32]), Bytes.wrap(new byte[32]));
        long t0 = System.nanoTime();
        Sha256Pow.search(p, Bytes.wrap(new byte[16]), 0xFFFF_FFFFL, 0, 0, 20_000);
        r = 20_000 * 1e9 / Math.max(1, System.nanoTime() - t0) * threads;
        hashesPerSecond = r;
        return r;
    }

    /** The expected time to solve at {@code effort} with this machine's hash rate. */
    public Duration expectedTime(long effort) {
        return expectedTime(effort, hashRate());
    }

    public static Duration expectedTime(long effort, double hashesPerSecond) {
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, effort / hashesPerSecond * 1e9));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
