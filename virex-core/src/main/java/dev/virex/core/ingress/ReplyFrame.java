package dev.virex.core.ingress;

import dev.virex.core.Bytes;
import dev.virex.core.pow.AbuseParams;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * A mixnode's answer to one submit frame, a fixed {@value #BYTES}-byte packet:
 *
 * <pre>
 * off len
 *   0   4  magic "VXI1"
 *   4   1  type 0x02 (reply)
 *   5   1  status: 0 accepted, else a RejectReason code
 *   6   2  zero
 *   8  16  the nonce of the answered frame
 *  24   4  retry after, milliseconds, unsigned (0: none)
 *  28   4  suggested effort, unsigned
 *  32   4  effort floor in force, unsigned
 *  36   8  head of the current epoch seed
 *  44  20  zero
 * </pre>
 */
public record ReplyFrame(Optional<RejectReason> reason, Bytes nonce, Duration retryAfter, long suggestedEffort,
                         long effortFloor, long seedHead) {
    public static final int BYTES = 64;
    public static final int TYPE = 0x02;
    public static final long MAX_RETRY_MS = 0xFFFF_FFFFL;

    public ReplyFrame {
        if (nonce.length() != 16) {
            throw new IllegalArgumentException("nonce is 16 bytes");
        }
        if (retryAfter.isNegative() || retryAfter.toMillis() > MAX_RETRY_MS) {
            throw new IllegalArgumentException("retry-after out of range");
        }
        if (suggestedEffort < 0 || suggestedEffort > AbuseParams.MAX_EFFORT || effortFloor < 0 || effortFloor > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("efforts are unsigned 32-bit");
        }
        retryAfter = Duration.ofMillis(retryAfter.toMillis());
    }

    public boolean accepted() {
        return reason.isEmpty();
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(SubmitFrame.MAGIC).put((byte) TYPE).put((byte) reason.map(RejectReason::code).orElse(0).intValue()).putShort((short) 0);
        b.put(nonce.toArray()).putInt((int) retryAfter.toMillis()).putInt((int) suggestedEffort).putInt((int) effortFloor)
                .putLong(seedHead);
        return out;
    }

    public static ReplyFrame decode(byte[] f) throws FrameException {
        if (f.length != BYTES) {
            throw new FrameException("a reply frame is exactly " + BYTES + " bytes, got " + f.length);
        }
        ByteBuffer b = ByteBuffer.wrap(f);
        if (b.getInt() != SubmitFrame.MAGIC || b.get() != TYPE) {
            throw new FrameException("not a VIREX reply frame (magic or type)");
        }
        int status = b.get() & 0xff;
        if (b.getShort() != 0) {
            throw new FrameException("reserved bytes of a reply frame must be zero");
        }
        for (int i = 44; i < BYTES; i++) {
            if (f[i] != 0) {
                throw new FrameException("reserved bytes of a reply frame must be zero");
            }
        }
        Optional<RejectReason> reason = Optional.empty();
        if (status != 0) {
            reason = Optional.of(RejectReason.byCode(status)
                    .orElseThrow(() -> new FrameException("unknown reply status " + status)));
        }
        Bytes nonce = Bytes.of(f, 8, 16);
        b.position(24);
        long retry = Integer.toUnsignedLong(b.getInt());
        long suggested = Integer.toUnsignedLong(b.getInt());
        long floor = Integer.toUnsignedLong(b.getInt());
        long head = b.getLong();
        return new ReplyFrame(reason, nonce, Duration.ofMillis(retry), suggested, floor, head);
    }
}
