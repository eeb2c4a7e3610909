package dev.virex.core.ingress;

import java.util.Optional;

/**
 * Why a mixnode refused a message: the one-byte status of a {@link ReplyFrame} (0 is accepted),
 * and the label used in metrics and enforcement reports. The order here is the order in reports.
 */
public enum RejectReason {
    MALFORMED(1, "malformed"),
    UNSUPPORTED_ALGORITHM(2, "unsupported-algorithm"),
    WRONG_MIXNODE(3, "wrong-mixnode"),
    UNKNOWN_SEED(4, "unknown-seed"),
    STALE_SEED(5, "stale-seed"),
    EFFORT_TOO_LOW(6, "effort-too-low"),
    INVALID_SOLUTION(7, "invalid-solution"),
    RATE_LIMITED(8, "rate-limited"),
    BACKOFF(9, "backoff"),
    REPLAY(10, "replay"),
    OVERLOADED(11, "overloaded"),
    UNDECRYPTABLE(12, "undecryptable");

    private final int code;
    private final String label;

    RejectReason(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<RejectReason> byCode(int code) {
        for (RejectReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
