package dev.virex.core.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowSolution;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FramesTest {
    static final Bytes NONCE = Bytes.fromHex("0f".repeat(16));

    static SubmitFrame frame() {
        PowSolution pow = new PowSolution(PowAlgorithm.SHA256_V1, 0x1122334455667788L, NONCE, 1000, Bytes.fromHex("aa".repeat(16)));
        return new SubmitFrame(0x0102030405060708L, pow, Bytes.fromHex("bb".repeat(32)),
                Bytes.wrap(new byte[SubmitFrame.CIPHERTEXT_BYTES]));
    }

    @Test
    void submitFrameHasTheDocumentedLayout() throws Exception {
        byte[] f = frame().encode();
        assertThat(f).hasSize(2048);
        assertThat(new String(f, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("VXI1");
        assertThat(f[4]).isEqualTo((byte) 1);
        assertThat(f[8]).isEqualTo((byte) 1);
        assertThat(f[15]).isEqualTo((byte) 8);
        assertThat(f[16]).isEqualTo((byte) 1); // algorithm id
        assertThat(f[64]).isEqualTo((byte) 0xbb);
        assertThat(SubmitFrame.decode(f)).isEqualTo(frame());
        assertThat(SubmitFrame.messageDigest(frame().encapsulatedKey(), frame().ciphertext()).length()).isEqualTo(32);
    }

    @Test
    void submitFrameDecodingIsStrict() {
        for (int off : new int[] {0, 4, 5, 7, 61, 63}) {
            byte[] f = frame().encode();
            f[off] ^= 0x40;
            assertThatThrownBy(() -> SubmitFrame.decode(f)).as("offset " + off).isInstanceOf(FrameException.class);
        }
        byte[] badAlg = frame().encode();
        badAlg[16] = 7;
        assertThatThrownBy(() -> SubmitFrame.decode(badAlg)).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> SubmitFrame.decode(new byte[2047])).hasMessageContaining("2048");
    }

    @Test
    void replyFrameRoundTrips() throws Exception {
        ReplyFrame ok = new ReplyFrame(Optional.empty(), NONCE, Duration.ZERO, 64, 16, 99);
        ReplyFrame no = new ReplyFrame(Optional.of(RejectReason.BACKOFF), NONCE, Duration.ofMillis(4321), 64, 16, -5);
        for (ReplyFrame r : new ReplyFrame[] {ok, no}) {
            byte[] enc = r.encode();
            assertThat(enc).hasSize(64);
            assertThat(ReplyFrame.decode(enc)).isEqualTo(r);
        }
        assertThat(ReplyFrame.decode(ok.encode()).accepted()).isTrue();
        byte[] unknown = no.encode();
        unknown[5] = 99;
        assertThatThrownBy(() -> ReplyFrame.decode(unknown)).hasMessageContaining("status");
        byte[] reserved = ok.encode();
        reserved[50] = 1;
        assertThatThrownBy(() -> ReplyFrame.decode(reserved)).hasMessageContaining("reserved");
    }

    @Test
    void everyReasonHasAUniqueCode() {
        for (RejectReason r : RejectReason.values()) {
            assertThat(RejectReason.byCode(r.code())).contains(r);
        }
        assertThat(RejectReason.byCode(0)).isEmpty();
    }

    @Test
    void payloadsPadToAFixedSize() throws Exception {
        MessagePayload real = MessagePayload.real(Bytes.wrap("hello".getBytes()));
        byte[] enc = real.encode();
        assertThat(enc).hasSize(MessagePayload.BYTES);
        assertThat(MessagePayload.decode(enc)).isEqualTo(real);
        assertThat(MessagePayload.decode(MessagePayload.coverMessage().encode()).cover()).isTrue();
        enc[100] = 1;
        assertThatThrownBy(() -> MessagePayload.decode(enc)).hasMessageContaining("padding");
        byte[] coverWithBody = MessagePayload.coverMessage().encode();
        coverWithBody[2] = 1;
        assertThatThrownBy(() -> MessagePayload.decode(coverWithBody)).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> MessagePayload.real(Bytes.wrap(new byte[MessagePayload.MAX_BODY + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
