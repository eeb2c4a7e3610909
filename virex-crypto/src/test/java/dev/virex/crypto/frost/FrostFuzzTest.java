package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.Bytes;
import dev.virex.core.note.SecretAccess;

/**
 * Jazzer fuzz tests of every FROST parser. In the suite they run in regression mode over the seeds
 * under src/test/resources/.../FrostFuzzTestInputs (which {@link FrostSeedsTest} also checks by
 * name); {@code JAZZER_FUZZ=1} fuzzes for real. The property: any input either parses into a value
 * whose encoding is exactly the input, or fails with {@link FrostException}; nothing else escapes.
 */
class FrostFuzzTest {
    @FuzzTest
    void group(byte[] data) {
        try {
            assertThat(GroupKey.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void keyShare(byte[] data) {
        try {
            assertThat(KeyShare.parse(data, SecretAccess.grant()).encode(SecretAccess.grant())).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void commitment(byte[] data) {
        try {
            assertThat(CommitmentMessage.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void signingPackage(byte[] data) {
        try {
            assertThat(SigningPackage.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void share(byte[] data) {
        try {
            assertThat(ShareMessage.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void attestation(byte[] data) {
        try {
            assertThat(Attestation.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        // The parse of batch verification (no prime-order check): canonical too, same exception.
        try {
            assertThat(Attestation.parse(data, false).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void element(byte[] data) {
        try {
            assertThat(Element.deserialize(Bytes.of(data)).serialize().toArray()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.kind()).isEqualTo(FrostException.Kind.MALFORMED);
        }
    }

    @FuzzTest
    void scalar(byte[] data) {
        try {
            assertThat(Scalar.deserialize(Bytes.of(data)).serialize().toArray()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.kind()).isEqualTo(FrostException.Kind.MALFORMED);
        }
    }
}
