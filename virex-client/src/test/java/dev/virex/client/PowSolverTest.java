package dev.virex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PowSolverTest {
    static final PowPuzzle PUZZLE = new PowPuzzle(Bytes.fromHex("01".repeat(32)), Bytes.fromHex("02".repeat(32)),
            Bytes.fromHex("03".repeat(32)));
    static final Bytes NONCE = Bytes.fromHex("04".repeat(16));

    @Test
    void solutionsVerifyAndProgressIsReported() throws Exception {
        try (PowSolver s = new PowSolver(2)) {
            AtomicLong last = new AtomicLong();
            PowSolution sol = s.solveNow(PUZZLE, 77, NONCE, 50_000, (a, e) -> last.set(e));
            assertThat(new Sha256Pow().verify(PUZZLE, sol)).isTrue();
            assertThat(sol.seedHead()).isEqualTo(77);
            assertThat(sol.effort()).isEqualTo(50_000);
        }
    }

    @Test
    void aSolveCanBeCancelled() throws Exception {
        try (PowSolver s = new PowSolver(2)) {
            PowSolver.Solving hopeless = s.solve(PUZZLE, 0, NONCE, 0xFFFF_FFFFL, PowSolver.Progress.NONE);
            hopeless.cancel().run();
            assertThatThrownBy(() -> hopeless.result().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            // The pool is free again for the next solve.
            PowSolution sol = s.solve(PUZZLE, 0, NONCE, 100, PowSolver.Progress.NONE).result().get(30, TimeUnit.SECONDS);
            assertThat(new Sha256Pow().verify(PUZZLE, sol)).isTrue();
        }
    }

    @Test
    void expectedTimeScalesLinearlyWithEffort() {
        assertThat(PowSolver.expectedTime(1_000_000, 1_000_000)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PowSolver.expectedTime(2_000_000, 1_000_000)).isEqualTo(Duration.ofSeconds(2));
        try (PowSolver s = new PowSolver(1)) {
            assertThat(s.hashRate()).isPositive();
            assertThat(s.expectedTime(10)).isLessThan(s.expectedTime(10_000_000));
        }
    }
}
