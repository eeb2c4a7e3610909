package dev.virex.core.ingress;

import dev.virex.core.Bytes;
import java.nio.ByteBuffer;

/**
 * The plaintext inside a submit frame's sealed part, {@value #BYTES} bytes: a kind byte (0 real,
 * 1 cover), a 2-byte big-endian body length, the body, and zero padding. Cover messages have an
 * empty body. Only the mixnode can tell the two kinds apart, after the gate.
 */
public record MessagePayload(boolean cover, Bytes body) {
    public static final int BYTES = SubmitFrame.CIPHERTEXT_BYTES - 16;
    public static final int MAX_BODY = BYTES - 3;

    public MessagePayload {
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("message body longer than " + MAX_BODY + " bytes");
        }
        if (cover && body.length() != 0) {
            throw new IllegalArgumentException("a cover message has no body");
        }
    }

    public static MessagePayload real(Bytes body) {
        return new MessagePayload(false, body);
    }

    public static MessagePayload coverMessage() {
        return new MessagePayload(true, Bytes.EMPTY);
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES];
        ByteBuffer.wrap(out).put((byte) (cover ? 1 : 0)).putShort((short) body.length());
        body.copyTo(out, 3);
        return out;
    }

    public static MessagePayload decode(byte[] p) throws FrameException {
        if (p.length != BYTES) {
            throw new FrameException("a payload is exactly " + BYTES + " bytes, got " + p.length);
        }
        int kind = p[0];
        if (kind != 0 && kind != 1) {
            throw new FrameException("unknown payload kind " + kind);
        }
        int len = ByteBuffer.wrap(p, 1, 2).getShort() & 0xffff;
        if (len > MAX_BODY || (kind == 1 && len != 0)) {
            throw new FrameException("payload length out of range");
        }
        for (int i = 3 + len; i < BYTES; i++) {
            if (p[i] != 0) {
                throw new FrameException("payload padding must be zero");
            }
        }
        return new MessagePayload(kind == 1, Bytes.of(p, 3, len));
    }
}
