package dev.virex.crypto.dkg;

import dev.virex.crypto.frost.SeedFiles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DKG fuzz seed, checked against the outcome its file name states. */
class DkgSeedsTest {
    static Stream<Arguments> seeds() {
        return SeedFiles.cases(DkgFuzzTest.class);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("seeds")
    void seedOutcomeMatchesItsName(String method, String file) {
        byte[] data = SeedFiles.read(DkgFuzzTest.class, method, file);
        SeedFiles.Parser p = switch (method) {
            case "config" -> DkgConfig::parse;
            case "round1" -> DkgRound1::parse;
            case "round2" -> DkgRound2::parse;
            case "complaint" -> DkgComplaint::parse;
            case "round1Note" -> d -> DkgRound1.open(d, DkgFuzzTest.CONFIG);
            case "round2Note" -> d -> DkgRound2.open(d, DkgFuzzTest.CONFIG);
            case "complaintNote" -> d -> DkgComplaint.open(d, DkgFuzzTest.CONFIG);
            default -> throw new IllegalStateException("no parser for seed folder " + method);
        };
        SeedFiles.check(p, file, data);
    }
}
