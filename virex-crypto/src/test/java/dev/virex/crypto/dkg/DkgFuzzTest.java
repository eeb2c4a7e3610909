package dev.virex.crypto.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.SessionId;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz tests of every DKG parser, the texts and the signed notes that carry them. Regression
 * mode over src/test/resources/.../DkgFuzzTestInputs in the suite; {@code JAZZER_FUZZ=1} fuzzes.
 * The property: canonical parse, or {@link FrostException}; nothing else escapes.
 */
class DkgFuzzTest {
    /** The configuration the *Note seeds were made under. */
    static final DkgConfig CONFIG = config();

    static DkgConfig config() {
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(TestKeys.signer("fuzz-member" + i + ".example"));
        }
        return new DkgConfig("fuzz.example/federation", 2, SessionId.random(new DeterministicRandom("fuzz-dkg-session")),
                ids.stream().map(SignerKey::verifierKey).toList());
    }

    @FuzzTest
    void config(byte[] data) {
        try {
            assertThat(DkgConfig.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void round1(byte[] data) {
        try {
            assertThat(DkgRound1.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void round2(byte[] data) {
        try {
            assertThat(DkgRound2.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void complaint(byte[] data) {
        try {
            assertThat(DkgComplaint.parse(data).encode()).isEqualTo(data);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void round1Note(byte[] data) {
        try {
            assertThat(DkgRound1.open(data, CONFIG).dkgId()).isEqualTo(CONFIG.id());
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void round2Note(byte[] data) {
        try {
            assertThat(DkgRound2.open(data, CONFIG).shares()).hasSize(CONFIG.size() - 1);
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void complaintNote(byte[] data) {
        try {
            assertThat(DkgComplaint.open(data, CONFIG).dkgId()).isEqualTo(CONFIG.id());
        } catch (FrostException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
