package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class Sha256PowTest {
    static final Bytes ID = Bytes.fromHex("11".repeat(32));
    static final Bytes SEED = Bytes.fromHex("22".repeat(32));
    static final Bytes DIGEST = Bytes.fromHex("33".repeat(32));
    static final Bytes NONCE = Bytes.fromHex("44".repeat(16));
    static final PowPuzzle PUZZLE = new PowPuzzle(ID, SEED, DIGEST);

    static PowSolution solve(PowPuzzle p, long effort) {
        OptionalLong c = Sha256Pow.search(p, NONCE, effort, 3, 0, 1_000_000);
        assertThat(c).isPresent();
        return new PowSolution(PowAlgorithm.SHA256_V1, 0, NONCE, effort, Sha256Pow.solution(3, c.getAsLong()));
    }

    @Test
    void searchFindsSolutionsTheVerifierAccepts() {
        Sha256Pow v = new Sha256Pow();
        for (long e : new long[] {1, 10, 500, 4000}) {
            PowSolution s = solve(PUZZLE, e);
            assertThat(v.verify(PUZZLE, s)).as("effort " + e).isTrue();
        }
    }

    @Test
    void aSolutionIsBoundToEveryPartOfTheChallenge() {
        Sha256Pow v = new Sha256Pow();
        PowSolution s = solve(PUZZLE, 20_000);
        Bytes other = Bytes.fromHex("55".repeat(32));
        assertThat(v.verify(new PowPuzzle(other, SEED, DIGEST), s)).isFalse();
        assertThat(v.verify(new PowPuzzle(ID, other, DIGEST), s)).isFalse();
        assertThat(v.verify(new PowPuzzle(ID, SEED, other), s)).isFalse();
        assertThat(v.verify(PUZZLE, new PowSolution(s.algorithm(), 0, Bytes.fromHex("66".repeat(16)), s.effort(), s.solution()))).isFalse();
        // Claiming a higher effort than was solved changes the challenge, so it fails too.
        assertThat(v.verify(PUZZLE, new PowSolution(s.algorithm(), 0, NONCE, 20_000_000, s.solution()))).isFalse();
    }

    @Test
    void searchGivesUpAfterItsBudget() {
        assertThat(Sha256Pow.search(PUZZLE, NONCE, 0xFFFF_FFFFL, 0, 0, 100)).isEmpty();
    }

    @Test
    void solutionEncodingRoundTripsAndIsStrict() throws Exception {
        PowSolution s = new PowSolution(PowAlgorithm.SHA256_V1, 0x0102030405060708L, NONCE, 0xFFFF_FFFFL, Sha256Pow.solution(1, 2));
        byte[] enc = s.encode();
        assertThat(enc).hasSize(PowSolution.BYTES);
        assertThat(enc[0]).isEqualTo((byte) 1);
        assertThat(PowSolution.decode(enc)).isEqualTo(s);
        enc[0] = 9;
        assertThatThrownBy(() -> PowSolution.decode(enc)).isInstanceOf(PowFormatException.class).hasMessageContaining("algorithm");
        byte[] zeroEffort = s.encode();
        zeroEffort[PowSolution.OFF_EFFORT + 3] = 0;
        zeroEffort[PowSolution.OFF_EFFORT + 2] = 0;
        zeroEffort[PowSolution.OFF_EFFORT + 1] = 0;
        zeroEffort[PowSolution.OFF_EFFORT] = 0;
        assertThatThrownBy(() -> PowSolution.decode(zeroEffort)).hasMessageContaining("effort");
        assertThatThrownBy(() -> PowSolution.decode(new byte[44])).isInstanceOf(PowFormatException.class);
        assertThatThrownBy(() -> PowSolution.decode(new byte[50], 10)).isInstanceOf(PowFormatException.class);
    }
}
