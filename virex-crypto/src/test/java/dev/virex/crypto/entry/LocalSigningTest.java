package dev.virex.crypto.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.TestGroups;
import dev.virex.testkit.DeterministicRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSigningTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(2, 3, "local-signing");

    @Test
    void aLocallySignedEntryOpensWithItsSigners() throws Exception {
        byte[] entry = LocalSigning.sign(DecisionEntryTest.EPOCH, List.of(SHARES.get(0), SHARES.get(2)), new DeterministicRandom("ls"));
        DecisionEntry opened = DecisionEntry.open(entry, SHARES.get(0).group());
        assertThat(opened.decision()).isEqualTo(DecisionEntryTest.EPOCH);
        assertThat(opened.signers()).containsExactly(TestGroups.memberName(1), TestGroups.memberName(3));
    }

    @Test
    void fewerThanMSharesAreRefused() {
        assertThatThrownBy(() -> LocalSigning.sign(DecisionEntryTest.EPOCH, List.of(SHARES.get(1)), new DeterministicRandom("ls")))
                .isInstanceOf(FrostException.class);
        assertThatThrownBy(() -> LocalSigning.sign(DecisionEntryTest.EPOCH, List.of(), new DeterministicRandom("ls")))
                .isInstanceOf(FrostException.class);
    }
}
