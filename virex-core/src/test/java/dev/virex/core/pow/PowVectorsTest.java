package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.support.Vectors;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sha256-v1 vectors under vectors/pow, written by an independent Python implementation. */
class PowVectorsTest {
    static Stream<String> cases() {
        return Vectors.cases("pow", ".txt");
    }

    static Map<String, String> fields(String c) {
        Map<String, String> m = new HashMap<>();
        for (String line : Vectors.lines("pow", c + ".txt")) {
            int sp = line.indexOf(' ');
            m.put(line.substring(0, sp), line.substring(sp + 1));
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorHasItsNamedOutcome(String c) throws Exception {
        Map<String, String> f = fields(c);
        PowPuzzle puzzle = new PowPuzzle(Bytes.fromHex(f.get("mixnode-id")), Bytes.fromHex(f.get("seed")),
                Bytes.fromHex(f.get("message-digest")));
        long effort = Long.parseLong(f.get("effort"));
        Bytes nonce = Bytes.fromHex(f.get("nonce"));
        Bytes solution = Bytes.fromHex(f.get("solution"));
        byte[] input = Sha256Pow.input(puzzle, nonce, effort, solution);
        assertThat(input).hasSize(Sha256Pow.INPUT_BYTES);
        assertThat(Bytes.wrap(Sha256Pow.hash(input)).toHex()).isEqualTo(f.get("hash"));

        PowSolution s = new PowSolution(PowAlgorithm.SHA256_V1, 0, nonce, effort, solution);
        boolean valid = new Sha256Pow().verify(puzzle, s);
        assertThat(valid).isEqualTo(c.startsWith("valid_"));

        // The allocation-free checker used by the gate agrees.
        byte[] enc = PowSolution.decode(s.encode()).encode();
        boolean fast = new Sha256Pow.Checker().check(puzzle.mixnodeId().toArray(), puzzle.seed().toArray(),
                puzzle.messageDigest().toArray(), enc, 0, LinearEffort.of(effort));
        assertThat(fast).isEqualTo(valid);
    }
}
