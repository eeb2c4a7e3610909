package dev.virex.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    static final SignerKey A = TestKeys.signer("member-1.fed.virex.test");
    static final SignerKey B = TestKeys.signer("member-2.fed.virex.test");
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static Optional<dev.virex.core.note.VerifierKey> keys(String name) {
        return name.equals(A.name()) ? Optional.of(A.verifierKey()) : name.equals(B.name()) ? Optional.of(B.verifierKey()) : Optional.empty();
    }

    @Test
    void signedEnvelopesRoundTripAndTheTextIsExactlyTheFormat() throws Exception {
        Envelope e = new Envelope(A.name(), B.name(), T, "vote", Bytes.wrap("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.text()).isEqualTo("virex-member-message/v1\nfrom member-1.fed.virex.test\nto member-2.fed.virex.test\n"
                + "time 2026-01-01T00:00:00Z\nkind vote\npayload e30=\n");
        byte[] signed = e.sign(A.noteSigner());
        assertThat(Envelope.open(signed, EnvelopeTest::keys)).isEqualTo(e);
        // The checked-in seed of the fuzz test is this very envelope.
        Path seed = Path.of("src/test/resources/dev/virex/federation/wire/EnvelopeFuzzTestInputs/open/valid_vote");
        assertThat(Files.readAllBytes(seed)).isEqualTo(signed);
        assertThat(Envelope.parse(new Envelope(A.name(), B.name(), T, "status", Bytes.EMPTY).text()).payload()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void forgeriesAndStrangersAreRefused() {
        Envelope fromA = new Envelope(A.name(), B.name(), T, "vote", Bytes.wrap(new byte[] {1}));
        assertThatThrownBy(() -> fromA.sign(B.noteSigner())).isInstanceOf(IllegalArgumentException.class);
        byte[] signedByB = dev.virex.core.note.Note.sign(fromA.text(), B.noteSigner()).encode();
        assertThatThrownBy(() -> Envelope.open(signedByB, EnvelopeTest::keys)).isInstanceOfSatisfying(EnvelopeException.class,
                x -> assertThat(x.kind()).isEqualTo(EnvelopeException.Kind.UNKNOWN_SENDER));
        String tampered = new String(fromA.sign(A.noteSigner()), StandardCharsets.UTF_8).replace("kind vote", "kind vete");
        assertThatThrownBy(() -> Envelope.open(tampered.getBytes(StandardCharsets.UTF_8), EnvelopeTest::keys))
                .isInstanceOfSatisfying(EnvelopeException.class, x -> assertThat(x.kind()).isEqualTo(EnvelopeException.Kind.BAD_SIGNATURE));
        SignerKey stranger = TestKeys.signer("member-9.fed.virex.test");
        byte[] strange = new Envelope(stranger.name(), B.name(), T, "vote", Bytes.EMPTY).sign(stranger.noteSigner());
        assertThatThrownBy(() -> Envelope.open(strange, EnvelopeTest::keys)).isInstanceOfSatisfying(EnvelopeException.class,
                x -> assertThat(x.kind().status()).isEqualTo(403));
        assertThatThrownBy(() -> Envelope.open(new byte[Envelope.MAX_NOTE + 1], EnvelopeTest::keys))
                .isInstanceOfSatisfying(EnvelopeException.class, x -> assertThat(x.kind()).isEqualTo(EnvelopeException.Kind.TOO_LARGE));
    }
}
