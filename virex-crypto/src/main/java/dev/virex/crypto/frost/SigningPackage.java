package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Round two request, coordinator to each chosen signer (RFC 9591 section 5.2): the message to sign
 * (1 byte to 1 MiB) and the commitment list, sorted by identifier.
 *
 * <pre>
 * virex-frost-signing-package/v1
 * group &lt;base64 group ID&gt;
 * session &lt;base64 session ID&gt;
 * message &lt;base64 message&gt;
 * commitment &lt;identifier&gt; &lt;base64 hiding&gt; &lt;base64 binding&gt;
 * ...
 * </pre>
 */
public record SigningPackage(Bytes groupId, SessionId session, Bytes message, List<SigningCommitment> commitments) {
    public static final String FORMAT = "virex-frost-signing-package/v1";
    /** Implementation limit on the message to sign. */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /**
     * Implementation limit on the encoded package: the base64 message, 255 commitment lines of at
     * most 105 bytes, and the header lines.
     */
    public static final int MAX_BYTES = (MAX_MESSAGE_BYTES + 2) / 3 * 4 + Identifier.MAX * 106 + 1024;

    public SigningPackage {
        CommitmentMessage.requireGroupId(groupId);
        Objects.requireNonNull(session, "session");
        if (message.length() == 0 || message.length() > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("the message must be 1 to " + MAX_MESSAGE_BYTES + " bytes");
        }
        commitments = List.copyOf(commitments);
        if (commitments.isEmpty()) {
            throw new IllegalArgumentException("empty commitment list");
        }
        for (int i = 1; i < commitments.size(); i++) {
            if (commitments.get(i - 1).id().compareTo(commitments.get(i).id()) >= 0) {
                throw new IllegalArgumentException("commitments must be sorted by identifier, without repeats");
            }
        }
    }

    public List<Identifier> signers() {
        return commitments.stream().map(SigningCommitment::id).toList();
    }

    /** The values all parties derive from this package under the group key. */
    public SigningContext context(GroupKey group) {
        return SigningContext.of(group.publicKey(), commitments, message.toArray());
    }

    public byte[] encode() {
        TextWriter w = new TextWriter(FORMAT)
                .line("group", groupId)
                .line("session", session)
                .line("message", message);
        for (SigningCommitment c : commitments) {
            w.line("commitment", c.id(), c.hiding().serialize(), c.binding().serialize());
        }
        return w.toBytes();
    }

    public static SigningPackage parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "signing package");
        r.header(FORMAT);
        Bytes group = r.base64(r.field("group"), 32, "group ID");
        SessionId session = SessionId.parse(r, r.field("session"));
        Bytes message = r.base64(r.field("message"), -1, "message");
        if (message.length() > MAX_MESSAGE_BYTES) {
            throw new FrostException(FrostException.Kind.TOO_LARGE, "signing package: message longer than " + MAX_MESSAGE_BYTES + " bytes");
        }
        List<SigningCommitment> list = new ArrayList<>();
        while (r.at("commitment")) {
            if (list.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "signing package: more than " + Identifier.MAX + " commitments");
            }
            String[] f = r.line("commitment", 3);
            Identifier id = Identifier.parse(f[0]);
            if (!list.isEmpty() && list.get(list.size() - 1).id().compareTo(id) >= 0) {
                throw FrostException.malformed("signing package: commitments must be sorted by identifier, without repeats");
            }
            list.add(new SigningCommitment(id, r.element(f[1], "hiding commitment of " + id), r.element(f[2], "binding commitment of " + id)));
        }
        r.end();
        if (list.isEmpty()) {
            throw FrostException.malformed("signing package has no commitment");
        }
        SigningPackage p = new SigningPackage(group, session, message, list);
        if (!Arrays.equals(p.encode(), text)) {
            throw FrostException.malformed("signing package is not in canonical form");
        }
        return p;
    }
}
