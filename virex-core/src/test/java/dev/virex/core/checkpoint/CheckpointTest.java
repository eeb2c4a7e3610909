package dev.virex.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignerKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Bytes ROOT = Bytes.fromHex("0a c5 18 6a 91 86 3e 8e 1d 90 c8 08 01 4a a8 9b f5 da 8e 3e e1 d9 f0 76 30 f0 37 8f 68 f1 ab 62".replace(" ", ""));

    @Test
    void formatsTheSpecExampleExactly() {
        Checkpoint cp = new Checkpoint("example.com/behind-the-sofa", 20852163, ROOT);
        assertThat(cp.text()).isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void signedByTheLogOpensAndKeepsTheExactBytes() throws Exception {
        SignerKey log = SignerKey.generate("example.com/log", new SecureRandom());
        Checkpoint cp = new Checkpoint("example.com/log", 7, ROOT, List.of("ext"));
        byte[] msg = SignedCheckpoint.sign(cp, log.noteSigner());
        SignedCheckpoint opened = SignedCheckpoint.open(msg, log.verifierKey().noteVerifier());
        assertThat(opened.checkpoint()).isEqualTo(cp);
        assertThat(opened.raw().toArray()).isEqualTo(msg);
    }

    @Test
    void aCheckpointForAnotherOriginIsRefused() {
        SignerKey log = SignerKey.generate("example.com/log", new SecureRandom());
        byte[] msg = SignedCheckpoint.sign(new Checkpoint("example.com/other", 1, ROOT), log.noteSigner());
        assertThatThrownBy(() -> SignedCheckpoint.open(msg, log.verifierKey().noteVerifier()))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("origin");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsUnverified() {
        SignerKey log = SignerKey.generate("example.com/log", new SecureRandom());
        SignerKey other = SignerKey.generate("example.com/log", new SecureRandom());
        byte[] msg = SignedCheckpoint.sign(new Checkpoint("example.com/log", 1, ROOT), other.noteSigner());
        assertThatThrownBy(() -> SignedCheckpoint.open(msg, log.verifierKey().noteVerifier()))
                .isInstanceOf(NoteException.class)
                .satisfies(e -> assertThat(((NoteException) e).kind()).isEqualTo(NoteException.Kind.UNVERIFIED));
    }

    @Test
    void recordRefusesInvalidValues() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, Bytes.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
