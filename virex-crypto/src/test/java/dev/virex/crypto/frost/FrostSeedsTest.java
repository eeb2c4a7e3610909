package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import dev.virex.core.note.SecretAccess;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every FROST fuzz seed, checked against the outcome its file name states. */
class FrostSeedsTest {
    static Stream<Arguments> seeds() {
        return SeedFiles.cases(FrostFuzzTest.class);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("seeds")
    void seedOutcomeMatchesItsName(String method, String file) {
        byte[] data = SeedFiles.read(FrostFuzzTest.class, method, file);
        SeedFiles.Parser p = switch (method) {
            case "group" -> GroupKey::parse;
            case "keyShare" -> d -> KeyShare.parse(d, SecretAccess.grant());
            case "commitment" -> CommitmentMessage::parse;
            case "signingPackage" -> SigningPackage::parse;
            case "share" -> ShareMessage::parse;
            case "attestation" -> Attestation::parse;
            case "element" -> d -> Element.deserialize(Bytes.of(d));
            case "scalar" -> d -> Scalar.deserialize(Bytes.of(d));
            default -> throw new IllegalStateException("no parser for seed folder " + method);
        };
        SeedFiles.check(p, file, data);
    }
}
