package dev.virex.core.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.support.Vectors;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

class IngressSealTest {
    static final Bytes ID = Bytes.fromHex("12".repeat(32));

    static Map<String, byte[]> vector() {
        Map<String, byte[]> m = new HashMap<>();
        for (String line : Vectors.lines("hpke", "valid_rfc9180_a2_1_base_seq0.txt")) {
            String[] kv = line.split(" ");
            if (kv[0].endsWith("_id") || kv[0].equals("mode")) {
                continue;
            }
            m.put(kv[0], HexFormat.of().parseHex(kv[1]));
        }
        return m;
    }

    @Test
    void theSuiteReproducesRfc9180AppendixA21() throws Exception {
        Map<String, byte[]> v = vector();
        HPKE h = IngressSeal.hpke();
        AsymmetricCipherKeyPair eph = h.deserializePrivateKey(v.get("skEm"), v.get("pkEm"));
        HPKEContextWithEncapsulation ctx = h.setupBaseS(h.deserializePublicKey(v.get("pkRm")), v.get("info"), eph);
        assertThat(ctx.getEncapsulation()).isEqualTo(v.get("enc"));
        assertThat(ctx.seal(v.get("aad"), v.get("pt"))).isEqualTo(v.get("ct"));
        AsymmetricCipherKeyPair r = h.deserializePrivateKey(v.get("skRm"), v.get("pkRm"));
        assertThat(h.setupBaseR(v.get("enc"), r, v.get("info")).open(v.get("aad"), v.get("ct"))).isEqualTo(v.get("pt"));
    }

    @Test
    void sealedPayloadsOpenOnlyWithTheMixnodeKey() throws Exception {
        IngressSeal.OpeningKey key = IngressSeal.OpeningKey.derive(new byte[32], ID);
        IngressSeal.OpeningKey other = IngressSeal.OpeningKey.derive(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9
        }, ID);
        MessagePayload m = MessagePayload.real(Bytes.wrap("to the mix".getBytes()));
        IngressSeal.Sealed s = IngressSeal.seal(key.publicKey(), ID, m, new SecureRandom());
        assertThat(s.encapsulatedKey().length()).isEqualTo(SubmitFrame.ENC_BYTES);
        assertThat(s.ciphertext().length()).isEqualTo(SubmitFrame.CIPHERTEXT_BYTES);
        assertThat(key.open(s.encapsulatedKey(), s.ciphertext())).isEqualTo(m);
        assertThatThrownBy(() -> other.open(s.encapsulatedKey(), s.ciphertext())).isInstanceOf(FrameException.class);
        byte[] ct = s.ciphertext().toArray();
        ct[5] ^= 1;
        assertThatThrownBy(() -> key.open(s.encapsulatedKey(), Bytes.wrap(ct))).isInstanceOf(FrameException.class);
        // The info string binds the mixnode identity.
        IngressSeal.OpeningKey sameKeyOtherId = IngressSeal.OpeningKey.derive(new byte[32], Bytes.fromHex("13".repeat(32)));
        assertThatThrownBy(() -> sameKeyOtherId.open(s.encapsulatedKey(), s.ciphertext())).isInstanceOf(FrameException.class);
    }

    @Test
    void coverAndRealSealToTheSameSize() {
        IngressSeal.OpeningKey key = IngressSeal.OpeningKey.derive(new byte[32], ID);
        IngressSeal.Sealed real = IngressSeal.seal(key.publicKey(), ID, MessagePayload.real(Bytes.wrap(new byte[1000])), new SecureRandom());
        IngressSeal.Sealed cover = IngressSeal.seal(key.publicKey(), ID, MessagePayload.coverMessage(), new SecureRandom());
        assertThat(cover.ciphertext().length()).isEqualTo(real.ciphertext().length());
        assertThat(cover.encapsulatedKey().length()).isEqualTo(real.encapsulatedKey().length());
    }
}
