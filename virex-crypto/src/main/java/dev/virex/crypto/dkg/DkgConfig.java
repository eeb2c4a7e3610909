package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.frost.Ciphersuite;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.TextReader;
import dev.virex.crypto.frost.TextWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the members agree on before a distributed key generation: the name the group key will carry,
 * the threshold M, a fresh session ID, and the members in order (member i gets FROST identifier
 * i), each with the Ed25519 identity vkey that signs its DKG messages.
 *
 * <pre>
 * virex-dkg/v1
 * group &lt;group key name&gt;
 * threshold &lt;M&gt;
 * session &lt;base64 32 random bytes&gt;
 * member &lt;i&gt; &lt;identity vkey&gt;
 * ...
 * </pre>
 *
 * The DKG ID, SHA-256 of this text, is the context string (Phi in the FROST paper) that binds every
 * DKG message and proof to this one run.
 */
public record DkgConfig(String groupName, int threshold, SessionId session, List<VerifierKey> members) {
    public static final String FORMAT = "virex-dkg/v1";
    public static final int MAX_BYTES = 160 * 1024;

    public DkgConfig {
        if (!KeyNames.isValid(groupName)) {
            throw new IllegalArgumentException("invalid group key name: " + groupName);
        }
        Objects.requireNonNull(session, "session");
        members = List.copyOf(members);
        if (members.isEmpty() || members.size() > Identifier.MAX || threshold < 1 || threshold > members.size()) {
            throw new IllegalArgumentException("need 1 <= threshold <= members <= " + Identifier.MAX);
        }
        HashSet<String> names = new HashSet<>();
        for (VerifierKey k : members) {
            if (k.type() != SignatureType.ED25519) {
                throw new IllegalArgumentException("member " + k.name() + ": identity vkeys must be Ed25519 (type 0x01)");
            }
            if (!names.add(k.name())) {
                throw new IllegalArgumentException("two members named " + k.name());
            }
        }
    }

    public byte[] encode() {
        TextWriter w = new TextWriter(FORMAT).line("group", groupName).line("threshold", threshold).line("session", session);
        for (int i = 0; i < members.size(); i++) {
            w.line("member", i + 1, members.get(i).encode());
        }
        return w.toBytes();
    }

    public static DkgConfig parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "DKG configuration");
        r.header(FORMAT);
        String group = r.field("group");
        if (!KeyNames.isValid(group)) {
            throw FrostException.malformed("DKG configuration: invalid group key name");
        }
        int threshold = r.decimal(r.field("threshold"), 1, Identifier.MAX, "threshold");
        SessionId session = new SessionId(r.base64(r.field("session"), SessionId.BYTES, "session"));
        List<VerifierKey> members = new ArrayList<>();
        while (r.at("member")) {
            if (members.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "DKG configuration: more than " + Identifier.MAX + " members");
            }
            String[] f = r.line("member", 2);
            if (Identifier.parse(f[0]).value() != members.size() + 1) {
                throw FrostException.malformed("DKG configuration: members must be numbered 1..N in order");
            }
            try {
                members.add(VerifierKey.parse(f[1]));
            } catch (NoteException e) {
                throw new FrostException(FrostException.Kind.MALFORMED, "DKG configuration: member " + f[0] + ": " + e.getMessage(), List.of(), e);
            }
        }
        r.end();
        DkgConfig c;
        try {
            c = new DkgConfig(group, threshold, session, members);
        } catch (IllegalArgumentException e) {
            throw new FrostException(FrostException.Kind.MALFORMED, "DKG configuration: " + e.getMessage(), List.of(), e);
        }
        if (!Arrays.equals(c.encode(), text)) {
            throw FrostException.malformed("DKG configuration is not in canonical form");
        }
        return c;
    }

    /** The DKG ID: SHA-256 of the encoded configuration. */
    public Bytes id() {
        return Ciphersuite.sha256(encode());
    }

    public int size() {
        return members.size();
    }

    public VerifierKey member(Identifier id) throws FrostException {
        if (id.value() > members.size()) {
            throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "the DKG has no member " + id);
        }
        return members.get(id.value() - 1);
    }

    public String name(Identifier id) {
        return members.get(id.value() - 1).name();
    }

    public Identifier identifierOf(String name) throws FrostException {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(name)) {
                return Identifier.of(i + 1);
            }
        }
        throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "the DKG has no member named " + name, List.of(name));
    }

    public List<Identifier> identifiers() {
        List<Identifier> out = new ArrayList<>();
        for (int i = 1; i <= members.size(); i++) {
            out.add(Identifier.of(i));
        }
        return out;
    }

    Verifiers verifiers() {
        return Verifiers.ofKeys(members);
    }
}
