package dev.virex.log.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.MerkleTree;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.witness.WitnessApi;
import dev.virex.log.LogFixture;
import dev.virex.log.server.CosignStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WitnessCollectorTest {
    final FakeWitness w1 = new FakeWitness("w1.test");
    final FakeWitness w2 = new FakeWitness("w2.test");
    final FakeWitness w3 = new FakeWitness("w3.test");
    final MerkleTree tree = new MerkleTree();
    final CosignStep.Proofs proofs = (a, b) -> {
        try {
            return MerkleProofs.consistency(tree, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    TlogPolicy policy(String quorum) throws Exception {
        return TlogPolicy.parse("log " + LogFixture.LOG.verifierKey().encode() + "\n"
                + "witness w1 " + w1.vkey() + "\nwitness w2 " + w2.vkey() + "\nwitness w3 " + w3.vkey() + "\n"
                + "group two 2 w1 w2 w3\nquorum " + quorum + "\n");
    }

    WitnessCollector collector(String quorum) throws Exception {
        Map<String, WitnessApi> apis = new LinkedHashMap<>();
        apis.put("w1", w1);
        apis.put("w2", w2);
        apis.put("w3", w3);
        return new WitnessCollector(policy(quorum), apis, Duration.ofSeconds(5), Duration.ofMillis(50));
    }

    SignedCheckpoint grow(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            tree.appendEntry(("entry " + tree.size()).getBytes());
        }
        byte[] note = SignedCheckpoint.sign(new Checkpoint(LogFixture.LOG.name(), tree.size(), tree.root()), LogFixture.LOG.noteSigner());
        return SignedCheckpoint.open(note, LogFixture.LOG.verifierKey().noteVerifier());
    }

    @Test
    void theQuorumsCosignaturesAreAppendedAndVerifyUnderThePolicy() throws Exception {
        WitnessCollector c = collector("two");
        assertThat(c.required()).isTrue();
        Bytes out = c.cosign(grow(10), proofs);
        WitnessedCheckpoint wc = WitnessedCheckpoint.open(out.toArray(), policy("two"));
        assertThat(wc.quorumMet()).isTrue();
        assertThat(wc.cosigners()).containsExactlyInAnyOrder("w1", "w2", "w3");
        // Each witness was asked once, from size 0 (unknown at first), without proof.
        assertThat(w1.requests).singleElement().satisfies(r -> assertThat(r.oldSize()).isZero());
        // Next time, from size 10 with a proof.
        c.cosign(grow(5), proofs);
        assertThat(w1.requests.get(1).oldSize()).isEqualTo(10);
        assertThat(w1.requests.get(1).proof()).isNotEmpty();
    }

    @Test
    void aConflictIsRetriedFromTheWitnesssSize() throws Exception {
        WitnessCollector c = collector("w1");
        grow(7);
        w1.known = 7; // e.g. the log restarted and forgot what w1 had cosigned
        c.cosign(grow(4), proofs);
        assertThat(w1.requests).extracting(r -> r.oldSize()).containsExactly(0L, 7L);
        assertThat(w1.requests.get(1).proof()).isNotEmpty();
    }

    @Test
    void aWitnessAheadOfTheLogIsAFailureNotARetry() throws Exception {
        WitnessCollector c = collector("w1");
        w1.known = 50;
        assertThatThrownBy(() -> c.cosign(grow(3), proofs)).isInstanceOf(IOException.class)
                .hasMessageContaining("quorum not met").hasMessageContaining("larger tree");
    }

    @Test
    void downAndLyingWitnessesCountAsMissingAndTheMessageSaysWhy() throws Exception {
        WitnessCollector c = collector("two");
        w2.mode = FakeWitness.Mode.DOWN;
        w3.mode = FakeWitness.Mode.BAD_SIGNATURE;
        assertThatThrownBy(() -> c.cosign(grow(3), proofs)).isInstanceOf(IOException.class)
                .hasMessageContaining("cosigned by w1").hasMessageContaining("w2: connection refused")
                .hasMessageContaining("w3: ");
        w2.mode = FakeWitness.Mode.HONEST;
        w2.known = 0;
        assertThat(WitnessedCheckpoint.open(c.cosign(grow(1), proofs).toArray(), policy("two")).cosigners())
                .containsExactlyInAnyOrder("w1", "w2");
    }

    @Test
    void aSlowWitnessDoesNotHoldUpAMetQuorumBeyondTheGrace() throws Exception {
        WitnessCollector c = collector("two");
        w3.mode = FakeWitness.Mode.SLOW;
        try {
            WitnessedCheckpoint wc = WitnessedCheckpoint.open(c.cosign(grow(2), proofs).toArray(), policy("two"));
            assertThat(wc.cosigners()).containsExactlyInAnyOrder("w1", "w2");
        } finally {
            w3.release.countDown();
        }
    }

    @Test
    void aPolicyWhoseQuorumTheGivenWitnessesCannotMeetIsRefused() throws Exception {
        Map<String, WitnessApi> one = Map.of("w1", w1);
        assertThatThrownBy(() -> new WitnessCollector(policy("two"), one, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WitnessCollector(policy("w1"), Map.of("nobody", w1), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
