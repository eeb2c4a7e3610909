package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import java.util.Arrays;

/**
 * One member's signing key share: its identifier and secret share s_i (RFC 9591 section 5), with
 * the group's public description. The secret is reachable only with {@link SecretAccess}.
 *
 * <pre>
 * virex-frost-key-share/v1
 * member &lt;identifier&gt;
 * secret &lt;base64 secret share&gt;
 * &lt;the group description, verbatim&gt;
 * </pre>
 *
 * Files holding this text are written by {@link KeyShareFiles} with mode 0600.
 */
public final class KeyShare {
    public static final String FORMAT = "virex-frost-key-share/v1";
    public static final int MAX_BYTES = GroupKey.MAX_BYTES + 256;

    private final GroupKey group;
    private final Identifier id;
    private final Scalar secret;

    private KeyShare(GroupKey group, Identifier id, Scalar secret) {
        this.group = group;
        this.id = id;
        this.secret = secret;
    }

    /**
     * @throws FrostException UNKNOWN_MEMBER if the group has no member {@code id}; INVALID_SHARE if
     *     secret * B is not the member's verifying share
     */
    public static KeyShare of(GroupKey group, Identifier id, Scalar secret, SecretAccess access) throws FrostException {
        requireAccess(access);
        GroupKey.Member m = group.member(id);
        if (!Element.baseMultiply(secret).equals(m.verifyingShare())) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE,
                    "the secret share does not match the verifying share of member " + id + " (" + m.name() + ")");
        }
        return new KeyShare(group, id, secret);
    }

    public static KeyShare parse(byte[] text, SecretAccess access) throws FrostException {
        requireAccess(access);
        TextReader r = TextReader.of(text, MAX_BYTES, "key share");
        r.header(FORMAT);
        Identifier id = Identifier.parse(r.field("member"));
        Scalar secret = r.scalar(r.field("secret"), "secret share");
        GroupKey group = GroupKey.parse(r.rest());
        KeyShare share = of(group, id, secret, access);
        byte[] again = share.encode(access);
        try {
            if (!Arrays.equals(again, text)) {
                throw FrostException.malformed("key share is not in canonical form");
            }
        } finally {
            Arrays.fill(again, (byte) 0);
        }
        return share;
    }

    public byte[] encode(SecretAccess access) {
        requireAccess(access);
        return new TextWriter(FORMAT).line("member", id).line("secret", secret.serialize()).raw(group.encode()).toBytes();
    }

    public GroupKey group() {
        return group;
    }

    public Identifier id() {
        return id;
    }

    public GroupKey.Member member() {
        return group.members().get(id.value() - 1);
    }

    public Scalar secret(SecretAccess access) {
        requireAccess(access);
        return secret;
    }

    private static void requireAccess(SecretAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("secret access required");
        }
    }

    @Override
    public String toString() {
        return "KeyShare[member " + id + " (" + member().name() + ") of " + group.vkey().name() + "]";
    }
}
