package dev.virex.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.note.SignerKey;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Jazzer fuzz tests of the member-message envelope: canonical and verified, or an {@link EnvelopeException}. */
class EnvelopeFuzzTest {
    static final SignerKey MEMBER = TestKeys.signer("member-1.fed.virex.test");

    @FuzzTest
    void parse(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Envelope.parse(s).text()).isEqualTo(s);
        } catch (EnvelopeException expected) {
            assertThat(expected.kind().status()).isBetween(400, 499);
        }
    }

    @FuzzTest
    void open(byte[] data) {
        try {
            Envelope e = Envelope.open(data, name -> name.equals(MEMBER.name()) ? Optional.of(MEMBER.verifierKey()) : Optional.empty());
            assertThat(e.from()).isEqualTo(MEMBER.name());
        } catch (EnvelopeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
