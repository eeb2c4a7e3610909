package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.MerkleTree;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlogProofTest {
    static final SignerKey LOG = SignerKey.fromSeed("log.example/tlog", new byte[32], SecretAccess.grant());
    static final SignerKey OTHER = SignerKey.fromSeed("log.example/tlog", filled(7), SecretAccess.grant());

    static byte[] filled(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    static byte[] entry(int i) {
        return ("decision " + i + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A receipt for entry {@code index} of a 10-entry log signed by {@link #LOG}. */
    static TlogProof receipt(int index, Optional<Bytes> extra) throws Exception {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 10; i++) {
            tree.appendEntry(entry(i));
        }
        byte[] cp = SignedCheckpoint.sign(new Checkpoint(LOG.name(), 10, tree.root()), LOG.noteSigner());
        InclusionProof p = MerkleProofs.inclusion(tree, index, 10);
        return new TlogProof(extra, index, p.hashes(), Bytes.wrap(cp));
    }

    @Test
    void encodesParsesAndVerifies() throws Exception {
        TlogProof r = receipt(3, Optional.of(Bytes.fromHex("cafe")));
        byte[] text = r.encode();
        assertThat(new String(text, StandardCharsets.UTF_8))
                .startsWith("c2sp.org/tlog-proof@v1\nextra yv4=\nindex 3\n")
                .contains("\n\nlog.example/tlog\n10\n");
        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed).isEqualTo(r);
        assertThat(parsed.encode()).isEqualTo(text);
        SignedCheckpoint cp = parsed.verify(MerkleHash.leaf(entry(3)), LOG.name(), LOG.verifierKey().noteVerifier());
        assertThat(cp.checkpoint().size()).isEqualTo(10);
        TlogProof plain = receipt(0, Optional.empty());
        assertThat(TlogProof.parse(plain.encode())).isEqualTo(plain);
    }

    @Test
    void rejectsTheWrongEntryKeyOriginOrIndex() throws Exception {
        TlogProof r = receipt(3, Optional.empty());
        var log = LOG.verifierKey().noteVerifier();
        assertThatThrownBy(() -> r.verify(MerkleHash.leaf(entry(4)), LOG.name(), log)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> r.verify(MerkleHash.leaf(entry(3)), "other.example", log)).isInstanceOf(CheckpointFormatException.class);
        assertThatThrownBy(() -> r.verify(MerkleHash.leaf(entry(3)), LOG.name(), OTHER.verifierKey().noteVerifier()))
                .isInstanceOf(NoteException.class);
        TlogProof moved = new TlogProof(Optional.empty(), 4, r.hashes(), r.checkpoint());
        assertThatThrownBy(() -> moved.verify(MerkleHash.leaf(entry(3)), LOG.name(), log)).isInstanceOf(ProofException.class);
        TlogProof beyond = new TlogProof(Optional.empty(), 10, r.hashes(), r.checkpoint());
        assertThatThrownBy(() -> beyond.verify(MerkleHash.leaf(entry(3)), LOG.name(), log))
                .isInstanceOf(ProofException.class).hasMessageContaining("not below");
    }

    @Test
    void refusesMalformedProofs() throws Exception {
        String good = new String(receipt(3, Optional.empty()).encode(), StandardCharsets.UTF_8);
        String[] bad = {
            good.replace("tlog-proof@v1", "tlog-proof@v2"),
            good.replace("index 3\n", "index 03\n"),
            good.replace("index 3\n", "index -3\n"),
            good.replace("index 3\n", ""),
            good.replace("index 3\n", "index 3\nextra yv4=\n"),
            good.replace("c2sp.org/tlog-proof@v1\n", "c2sp.org/tlog-proof@v1\nextra \n"),
            good.replace("c2sp.org/tlog-proof@v1\n", "c2sp.org/tlog-proof@v1\nextra yv5=\n"),
            good.substring(0, good.indexOf("\n\n") + 2),
            good.substring(0, good.indexOf("\n\n")),
            good.replaceFirst("=\n", "\n"),
            good.replace("\n\nlog.example", "\nlog.example"),
            good.replace("c2sp.org/tlog-proof@v1\n", "c2sp.org/tlog-proof@v1\r\n"),
        };
        for (String b : bad) {
            assertThatThrownBy(() -> TlogProof.parse(b.getBytes(StandardCharsets.UTF_8))).as(b).isInstanceOf(TileFormatException.class);
        }
        assertThatThrownBy(() -> TlogProof.parse(new byte[TlogProof.MAX_BYTES + 1])).isInstanceOf(TileFormatException.class);
    }
}
