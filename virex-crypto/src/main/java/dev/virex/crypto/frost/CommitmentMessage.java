package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Round one message, member to coordinator (RFC 9591 section 5.1): the member's nonce commitments
 * for one signing session of one group.
 *
 * <pre>
 * virex-frost-commitment/v1
 * group &lt;base64 group ID&gt;
 * session &lt;base64 session ID&gt;
 * member &lt;identifier&gt;
 * hiding &lt;base64 hiding nonce commitment&gt;
 * binding &lt;base64 binding nonce commitment&gt;
 * </pre>
 */
public record CommitmentMessage(Bytes groupId, SessionId session, SigningCommitment commitment) {
    public static final String FORMAT = "virex-frost-commitment/v1";
    public static final int MAX_BYTES = 1024;

    public CommitmentMessage {
        requireGroupId(groupId);
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(commitment, "commitment");
    }

    public Identifier member() {
        return commitment.id();
    }

    public byte[] encode() {
        return new TextWriter(FORMAT)
                .line("group", groupId)
                .line("session", session)
                .line("member", commitment.id())
                .line("hiding", commitment.hiding().serialize())
                .line("binding", commitment.binding().serialize())
                .toBytes();
    }

    public static CommitmentMessage parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "commitment message");
        r.header(FORMAT);
        Bytes group = r.base64(r.field("group"), 32, "group ID");
        SessionId session = SessionId.parse(r, r.field("session"));
        Identifier id = Identifier.parse(r.field("member"));
        Element hiding = r.element(r.field("hiding"), "hiding nonce commitment");
        Element binding = r.element(r.field("binding"), "binding nonce commitment");
        r.end();
        CommitmentMessage m = new CommitmentMessage(group, session, new SigningCommitment(id, hiding, binding));
        if (!Arrays.equals(m.encode(), text)) {
            throw FrostException.malformed("commitment message is not in canonical form");
        }
        return m;
    }

    static void requireGroupId(Bytes groupId) {
        if (groupId.length() != 32) {
            throw new IllegalArgumentException("a group ID is 32 bytes");
        }
    }
}
