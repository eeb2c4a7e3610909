package dev.virex.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteTest {
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";

    @Test
    void signsExactlyLikeGolangXModNote() throws Exception {
        SignerKey key = SignerKey.parse(PETER_SKEY);
        assertThat(key.verifierKey().encode()).isEqualTo(PETER_VKEY);
        byte[] msg = Note.sign(TEXT, key.noteSigner()).encode();
        assertThat(new String(msg, StandardCharsets.UTF_8)).isEqualTo(TEXT + "\n"
                + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n");
    }

    @Test
    void privateKeyRoundTripsAndHidesItsSecret() throws Exception {
        SignerKey key = SignerKey.parse(PETER_SKEY);
        assertThat(key.encode(SecretAccess.grant())).isEqualTo(PETER_SKEY);
        assertThat(key.toString()).doesNotContain("AYEKFALV").contains(PETER_VKEY);
    }

    @Test
    void generatedKeySignsAndVerifies() throws Exception {
        SignerKey key = SignerKey.generate("example.com/log", new SecureRandom());
        SignerKey reread = SignerKey.parse(key.encode(SecretAccess.grant()));
        VerifierKey vkey = VerifierKey.parse(key.verifierKey().encode());
        byte[] msg = Note.sign("hello\n", reread.noteSigner()).encode();
        VerifiedNote opened = Note.open(msg, Verifiers.of(vkey.noteVerifier()));
        assertThat(opened.text()).isEqualTo("hello\n");
        assertThat(opened.isSignedBy("example.com/log", vkey.keyId())).isTrue();
    }

    @Test
    void everyManglingOfTheVerifierKeyIsRefused() {
        // As golang.org/x/mod's TestNewVerifier: every proper substring and every +1 byte change.
        byte[] b = PETER_VKEY.getBytes(StandardCharsets.UTF_8);
        int refused = 0;
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    assertRefused(new String(b, i, j - i, StandardCharsets.UTF_8));
                    refused++;
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            assertRefused(new String(b, StandardCharsets.UTF_8));
            b[i]--;
            refused++;
        }
        assertThat(refused).isGreaterThan(2000);
        assertRefused("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRefused("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    private static void assertRefused(String vkey) {
        assertThatThrownBy(() -> VerifierKey.parse(vkey)).as(vkey).isInstanceOf(NoteException.class);
    }

    @Test
    void everyManglingOfThePrivateKeyIsRefused() {
        byte[] b = PETER_SKEY.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i == 0 && j == b.length) {
                    continue;
                }
                String s = new String(b, i, j - i, StandardCharsets.UTF_8);
                if (s.strip().equals(PETER_SKEY)) {
                    continue;
                }
                assertThatThrownBy(() -> SignerKey.parse(s)).as(s).isInstanceOf(NoteException.class);
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            String s = new String(b, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SignerKey.parse(s)).as(s).isInstanceOf(NoteException.class);
            b[i]--;
        }
    }

    @Test
    void jdkVerifiesOurSignaturesAndWeVerifyTheJdks() throws Exception {
        SignerKey key = SignerKey.parse(PETER_SKEY);
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] ours = key.noteSigner().sign(text);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(dev.virex.core.support.JdkEd25519.publicKey(key.verifierKey().publicKey()));
        jdk.update(text);
        assertThat(jdk.verify(ours)).isTrue();

        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(text);
        byte[] theirs = signer.sign();
        byte[] spki = pair.getPublic().getEncoded();
        Bytes raw = Bytes.of(spki, spki.length - 32, 32);
        assertThat(Ed25519.publicKey(raw).verify(text, theirs)).isTrue();
        theirs[0] ^= 1;
        assertThat(Ed25519.publicKey(raw).verify(text, theirs)).isFalse();
    }

    @Test
    void cosigningKeepsOtherSignaturesAndReplacesTheSignersOwn() throws Exception {
        SignerKey a = SignerKey.generate("a.example", new SecureRandom());
        SignerKey b = SignerKey.generate("b.example", new SecureRandom());
        Note signed = Note.sign("text\n", a.noteSigner());
        Note both = signed.withSignatures(List.of(b.noteSigner(), a.noteSigner()));
        assertThat(both.signatures()).extracting(NoteSignature::name).containsExactly("b.example", "a.example");
        VerifiedNote v = Note.open(both.encode(), Verifiers.of(a.verifierKey().noteVerifier(), b.verifierKey().noteVerifier()));
        assertThat(v.verified()).hasSize(2);
    }

    @Test
    void ambiguousVerifiersAreAConfigurationError() throws Exception {
        VerifierKey k = VerifierKey.parse(PETER_VKEY);
        NoteVerifier impostor = new NoteVerifier() {
            public String name() { return k.name(); }
            public int keyId() { return k.keyId(); }
            public boolean verify(byte[] t, int o, int l, byte[] s) { return true; }
        };
        assertThatThrownBy(() -> Verifiers.of(k.noteVerifier(), impostor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous");
    }

    @Test
    void textMustEndInNewlineAndHaveNoControlCharacters() {
        SignerKey key = SignerKey.generate("k", new SecureRandom());
        assertThatThrownBy(() -> Note.sign("no newline", key.noteSigner())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Note.sign("tab\there\n", key.noteSigner())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizeNotesAreRefusedBeforeParsing() {
        byte[] big = new byte[Note.DEFAULT_MAX_BYTES + 1];
        assertThatThrownBy(() -> Note.parse(big))
                .isInstanceOf(NoteException.class)
                .satisfies(e -> assertThat(((NoteException) e).kind()).isEqualTo(NoteException.Kind.TOO_LARGE));
    }

    @Test
    void keyNamesFollowTheSpec() {
        assertThat(KeyNames.isValid("example.com/log42")).isTrue();
        assertThat(KeyNames.isValid("")).isFalse();
        assertThat(KeyNames.isValid("a+b")).isFalse();
        assertThat(KeyNames.isValid("a b")).isFalse();
        assertThat(KeyNames.isValid("a\u00a0b")).isFalse();
        assertThat(KeyNames.isValid("a\u2003b")).isFalse();
        assertThat(KeyNames.isValid("ünïcode/ok")).isTrue();
    }
}
