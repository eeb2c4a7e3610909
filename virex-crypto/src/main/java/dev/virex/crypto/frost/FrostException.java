package dev.virex.crypto.frost;

import java.util.List;

/**
 * The one checked exception of virex-crypto's formats and protocols (FROST signing, DKG, group
 * descriptions, attestations, key shares). {@link #kind()} says what went wrong, so that an HTTP
 * front end maps it to one status; {@link #members()} names the members the failure is about
 * (a member whose share failed verification, a dealer whose DKG share was bad), when known.
 */
public final class FrostException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the suggested HTTP status is in brackets. */
    public enum Kind {
        /** Bytes that are not a well-formed message, key or scalar/element encoding [400]. */
        MALFORMED,
        /** Input larger than the implementation limits [413]. */
        TOO_LARGE,
        /** A message for another group, session or DKG than the one it was given to [409]. */
        WRONG_SESSION,
        /** A member identifier or name that the group does not have [404]. */
        UNKNOWN_MEMBER,
        /** A second, different message for something already received [409]. */
        CONFLICT,
        /** Nonces already used, or never made, for this session: refused to sign [409]. */
        NONCE_REUSED,
        /** A signature share, DKG share or proof that does not verify; members() names who [422]. */
        INVALID_SHARE,
        /** An identity signature (signed note) or aggregate signature that does not verify [403]. */
        INVALID_SIGNATURE,
        /** Fewer than the threshold of members remain or took part [409]. */
        NOT_ENOUGH_SIGNERS,
        /** The operation does not fit the state it was called in (a round out of order) [409]. */
        WRONG_STATE
    }

    private final Kind kind;
    private final List<String> members;

    public FrostException(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public FrostException(Kind kind, String message, List<String> members) {
        this(kind, message, members, null);
    }

    public FrostException(Kind kind, String message, List<String> members, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.members = List.copyOf(members);
    }

    public Kind kind() {
        return kind;
    }

    /** Names of the members this failure concerns (e.g. who sent a bad share), possibly empty. */
    public List<String> members() {
        return members;
    }

    public static FrostException malformed(String message) {
        return new FrostException(Kind.MALFORMED, message);
    }
}
