package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Round two answer, signer to coordinator (RFC 9591 section 5.2): the member's signature share.
 *
 * <pre>
 * virex-frost-share/v1
 * group &lt;base64 group ID&gt;
 * session &lt;base64 session ID&gt;
 * member &lt;identifier&gt;
 * share &lt;base64 signature share&gt;
 * </pre>
 */
public record ShareMessage(Bytes groupId, SessionId session, SignatureShare share) {
    public static final String FORMAT = "virex-frost-share/v1";
    public static final int MAX_BYTES = 1024;

    public ShareMessage {
        CommitmentMessage.requireGroupId(groupId);
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(share, "share");
    }

    public Identifier member() {
        return share.id();
    }

    public byte[] encode() {
        return new TextWriter(FORMAT)
                .line("group", groupId)
                .line("session", session)
                .line("member", share.id())
                .line("share", share.share().serialize())
                .toBytes();
    }

    public static ShareMessage parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "share message");
        r.header(FORMAT);
        Bytes group = r.base64(r.field("group"), 32, "group ID");
        SessionId session = SessionId.parse(r, r.field("session"));
        Identifier id = Identifier.parse(r.field("member"));
        Scalar z = r.scalar(r.field("share"), "signature share");
        r.end();
        ShareMessage m = new ShareMessage(group, session, new SignatureShare(id, z));
        if (!Arrays.equals(m.encode(), text)) {
            throw FrostException.malformed("share message is not in canonical form");
        }
        return m;
    }
}
