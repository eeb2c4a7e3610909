package dev.virex.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {
    static final SignerKey LOG = SignerKey.generate("log.example", new SecureRandom());
    static final SignerKey WITNESS = SignerKey.generate("witness.example/w1", new SecureRandom());
    static final Checkpoint CP = new Checkpoint("log.example", 20852163,
            Bytes.fromHex("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"));

    @Test
    void aCosignatureIsTimestampedEd25519OverTheSpecMessage() throws Exception {
        byte[] note = Note.sign(CP.text(), LOG.noteSigner(), Cosignature.signer(WITNESS, 1679315147L)).encode();
        NoteSignature line = Note.parse(note).signatures().get(1);
        var cosigner = Cosignature.cosignerKey(WITNESS.verifierKey());
        assertThat(cosigner.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
        assertThat(line.keyId()).isEqualTo(cosigner.keyId()).isNotEqualTo(WITNESS.verifierKey().keyId());
        assertThat(Cosignature.timestamp(line)).hasValue(1679315147L);

        // Independently of our code: the JDK verifies the 64 bytes after the timestamp over the
        // message spelled out in C2SP tlog-cosignature.
        byte[] raw = line.signature().toArray();
        assertThat(ByteBuffer.wrap(raw, 0, 8).getLong()).isEqualTo(1679315147L);
        String message = "cosignature/v1\ntime 1679315147\nlog.example\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(dev.virex.core.support.JdkEd25519.publicKey(WITNESS.verifierKey().publicKey()));
        jdk.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(Arrays.copyOfRange(raw, 8, 72))).isTrue();

        VerifiedNote opened = Note.open(note, Verifiers.of(LOG.verifierKey().noteVerifier(), Cosignature.verifier(cosigner)));
        assertThat(opened.verified()).hasSize(2);
    }

    @Test
    void alteredTimesTextsAndLengthsFail() {
        var v = Cosignature.verifier(Cosignature.cosignerKey(WITNESS.verifierKey()));
        byte[] text = CP.text().getBytes(StandardCharsets.UTF_8);
        byte[] sig = Cosignature.signer(WITNESS, 100).sign(text);
        assertThat(v.verify(text, 0, text.length, sig)).isTrue();
        byte[] later = sig.clone();
        later[7] = 101;
        assertThat(v.verify(text, 0, text.length, later)).isFalse();
        byte[] negative = sig.clone();
        negative[0] = (byte) 0x80;
        assertThat(v.verify(text, 0, text.length, negative)).isFalse();
        assertThat(v.verify(text, 0, text.length, Arrays.copyOf(sig, 71))).isFalse();
        byte[] other = "log.example\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n".getBytes(StandardCharsets.UTF_8);
        assertThat(v.verify(other, 0, other.length, sig)).isFalse();
        assertThatThrownBy(() -> Cosignature.verifier(WITNESS.verifierKey())).hasMessageContaining("0x04");
        assertThatThrownBy(() -> Cosignature.signer(WITNESS, -1).sign(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cosignature.timestamp(new NoteSignature("x", 1, Bytes.of(new byte[64])))).isEmpty();
        assertThat(List.of(sig.length)).containsExactly(Cosignature.BYTES);
    }
}
