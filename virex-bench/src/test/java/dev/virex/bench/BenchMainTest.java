package dev.virex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchMainTest {
    @Test
    void aFilterBringsItsClassBaselineAlong() {
        List<String> selected = BenchMain.select(List.of(Pattern.compile("bouncyCastle")));
        assertThat(selected).containsExactly(
                "dev.virex.bench.NoteVerifyBench.baselineJdkSunEcVerify",
                "dev.virex.bench.NoteVerifyBench.bouncyCastleVerify");
    }

    @Test
    void everyBenchmarkClassHasABaseline() {
        List<String> all = BenchMain.select(List.of());
        assertThat(all).isNotEmpty();
        for (String name : all) {
            String cls = name.substring(0, name.lastIndexOf('.'));
            assertThat(all).as("baseline of " + cls).anyMatch(n -> n.startsWith(cls + ".baseline"));
        }
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertThat(BenchMain.format(12345.6, "ops/s")).isEqualTo("12,346 ops/s");
        assertThat(BenchMain.format(0.01234, "ms/op")).isEqualTo("0.0123 ms/op");
    }
}
