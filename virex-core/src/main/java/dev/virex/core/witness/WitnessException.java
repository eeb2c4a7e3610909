package dev.virex.core.witness;

import java.util.OptionalLong;

/**
 * A witness's refusal of an {@code add-checkpoint} request, with the reason as a {@link Kind}
 * carrying the status code C2SP tlog-witness assigns it. The witness in process and its HTTP
 * client raise the same kinds, so a log handles one set of refusals whichever way it talks.
 */
public final class WitnessException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the witness refused, with the HTTP status of tlog-witness. */
    public enum Kind {
        /** The body is malformed, or the old size exceeds the checkpoint size. */
        MALFORMED(400),
        /** No signature by a trusted key for the origin, or one that fails to verify. */
        BAD_SIGNATURE(403),
        /** The checkpoint origin is not a log the witness knows. */
        UNKNOWN_ORIGIN(404),
        /** The old size is not the size of the latest checkpoint cosigned for the origin. */
        CONFLICT(409),
        /** A consistency proof that does not verify, or a bad empty tree or equal-size root. */
        BAD_PROOF(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        public static java.util.Optional<Kind> ofStatus(int status) {
            for (Kind k : values()) {
                if (k.status == status) {
                    return java.util.Optional.of(k);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private final Kind kind;
    private final long knownSize;

    public WitnessException(Kind kind, String message) {
        super(message);
        if (kind == Kind.CONFLICT) {
            throw new IllegalArgumentException("a conflict carries the witness's known size");
        }
        this.kind = kind;
        this.knownSize = -1;
    }

    private WitnessException(long knownSize, String message) {
        super(message);
        this.kind = Kind.CONFLICT;
        this.knownSize = knownSize;
    }

    /** 409: the witness's latest cosigned size for the origin is {@code knownSize}. */
    public static WitnessException conflict(long knownSize, String message) {
        if (knownSize < 0) {
            throw new IllegalArgumentException("negative size");
        }
        return new WitnessException(knownSize, message);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#CONFLICT}: the size of the latest checkpoint the witness cosigned. */
    public OptionalLong knownSize() {
        return kind == Kind.CONFLICT ? OptionalLong.of(knownSize) : OptionalLong.empty();
    }
}
