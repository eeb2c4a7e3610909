package dev.virex.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.SignerKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TlogPolicyTest {
    static final SignerKey LOG = SignerKey.generate("log.example", new SecureRandom());
    static final List<SignerKey> W = new ArrayList<>();

    static {
        for (int i = 0; i < 6; i++) {
            W.add(SignerKey.generate("witness" + i + ".example", new SecureRandom()));
        }
    }

    static String cosigner(int i) {
        return Cosignature.cosignerKey(W.get(i).verifierKey()).encode();
    }

    /** The shape of the spec's example: two groups of three, 2 of X and any of Y. */
    static String example() {
        return "# example policy\n"
                + "log " + LOG.verifierKey().encode() + " https://log.example/\n\n"
                + "witness X1 " + cosigner(0) + "\n"
                + "witness X2 " + cosigner(1) + "\n"
                + "  witness X3\t" + cosigner(2) + "   \n"
                + "group X-witnesses 2 X1 X2 X3\n"
                + "witness Y1 " + cosigner(3) + "\n"
                + "witness Y2 " + cosigner(4) + "\n"
                + "witness Y3 " + cosigner(5) + "\n"
                + "group Y-witnesses any Y1 Y2 Y3\n"
                + "group X-and-Y all X-witnesses Y-witnesses\n"
                + "quorum X-and-Y\n";
    }

    @Test
    void nestedGroupsFollowTheSpec() throws Exception {
        TlogPolicy p = TlogPolicy.parse(example());
        assertThat(p.logs()).hasSize(1);
        assertThat(p.log("log.example")).isPresent();
        assertThat(p.satisfiedBy(Set.of("X1", "X3", "Y2"))).isTrue();
        assertThat(p.satisfiedBy(Set.of("X1", "Y1", "Y2", "Y3"))).isFalse();
        assertThat(p.satisfiedBy(Set.of("X1", "X2", "X3"))).isFalse();
        assertThat(TlogPolicy.parse(p.text())).isEqualTo(p);
    }

    @Test
    void quorumNoneNeedsNobody() throws Exception {
        TlogPolicy p = TlogPolicy.parse("log " + LOG.verifierKey().encode() + "\nquorum none\n");
        assertThat(p.requiresNoWitnesses()).isTrue();
        assertThat(p.satisfiedBy(Set.of())).isTrue();
    }

    @Test
    void malformedPoliciesAreRefusedWithTheLine() {
        String log = "log " + LOG.verifierKey().encode() + "\n";
        List<String> bad = List.of(
                log,
                log + "quorum X1\n",
                log + "witness X1 " + cosigner(0) + "\nquorum X1\nquorum X1\n",
                log + "witness X1 " + cosigner(0) + "\ngroup G 2 X1\nquorum G\n",
                log + "witness X1 " + cosigner(0) + "\ngroup G 1 X1 X1\nquorum G\n",
                log + "witness X1 " + cosigner(0) + "\ngroup G 0 X1\nquorum G\n",
                log + "group G any X1\nwitness X1 " + cosigner(0) + "\nquorum G\n",
                log + "witness X1 " + cosigner(0) + "\nwitness X2 " + cosigner(0) + "\nquorum X1\n",
                log + "witness X1 " + W.get(0).verifierKey().encode() + "\nquorum X1\n",
                "log " + cosigner(0) + "\nquorum none\n",
                log + "witness none " + cosigner(0) + "\nquorum none\n",
                log + "witness X1 " + cosigner(0) + "\ngroup G any none\nquorum G\n",
                log + "witnesses X1 " + cosigner(0) + "\nquorum none\n",
                log + "quorum none\u0001\n");
        for (String b : bad) {
            assertThatThrownBy(() -> TlogPolicy.parse(b)).as(b).isInstanceOf(PolicyFormatException.class);
        }
    }

    @Test
    void witnessedCheckpointsCountValidCosignaturesOnly() throws Exception {
        TlogPolicy p = TlogPolicy.parse(example());
        Checkpoint cp = new Checkpoint("log.example", 5, Bytes.fromHex("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"));
        NoteSigner badX3 = new NoteSigner() {
            final NoteSigner real = Cosignature.signer(W.get(2), 10);
            public String name() { return real.name(); }
            public int keyId() { return real.keyId(); }
            public byte[] sign(byte[] t) { byte[] s = real.sign(t); s[20] ^= 1; return s; }
        };
        byte[] note = Note.sign(cp.text(), LOG.noteSigner(), Cosignature.signer(W.get(0), 10), badX3,
                Cosignature.signer(W.get(4), 11)).encode();
        WitnessedCheckpoint w = WitnessedCheckpoint.open(note, p);
        assertThat(w.cosigners()).containsExactly("X1", "Y2");
        assertThat(w.failed()).containsExactly("X3");
        assertThat(w.quorumMet()).isFalse();
        assertThat(w.describe()).contains("quorum NOT met").contains("bad cosignatures from X3");

        byte[] enough = Note.sign(cp.text(), LOG.noteSigner(), Cosignature.signer(W.get(0), 10), Cosignature.signer(W.get(1), 10),
                Cosignature.signer(W.get(4), 11)).encode();
        assertThat(WitnessedCheckpoint.open(enough, p).quorumMet()).isTrue();

        byte[] otherLog = Note.sign(new Checkpoint("other.example", 5, cp.rootHash()).text(), LOG.noteSigner()).encode();
        assertThatThrownBy(() -> WitnessedCheckpoint.open(otherLog, p)).hasMessageContaining("not a log of the policy");
    }
}
