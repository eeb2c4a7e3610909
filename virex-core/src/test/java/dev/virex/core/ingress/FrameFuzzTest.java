package dev.virex.core.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Jazzer fuzz tests of the ingress wire parsers (regression mode in the suite over the seeds in
 * FrameFuzzTestInputs). Property: any input decodes to a value that re-encodes to the same bytes,
 * or fails with {@link FrameException}. Inputs are padded or cut to the fixed frame sizes so that
 * the fuzzer explores contents, not lengths.
 */
class FrameFuzzTest {
    @FuzzTest
    void submit(byte[] data) {
        byte[] f = Arrays.copyOf(data, SubmitFrame.BYTES);
        try {
            assertThat(SubmitFrame.decode(f).encode()).isEqualTo(f);
        } catch (FrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void reply(byte[] data) {
        byte[] f = Arrays.copyOf(data, ReplyFrame.BYTES);
        try {
            assertThat(ReplyFrame.decode(f).encode()).isEqualTo(f);
        } catch (FrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void payload(byte[] data) {
        byte[] p = Arrays.copyOf(data, MessagePayload.BYTES);
        try {
            assertThat(MessagePayload.decode(p).encode()).isEqualTo(p);
        } catch (FrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
