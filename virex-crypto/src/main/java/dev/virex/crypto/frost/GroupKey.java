package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifierKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The public description of a FROST group, the "group info" of RFC 9591 section 5: the group
 * public key as a signed-note verifier key (so that any note verifier checks the group's
 * signatures), the threshold M (MIN_PARTICIPANTS), and the N members (MAX_PARTICIPANTS) with their
 * identifiers 1..N, names and verifying shares (public_key_i).
 *
 * <pre>
 * virex-frost-group/v1
 * vkey &lt;group vkey&gt;
 * threshold &lt;M&gt;
 * member 1 &lt;name&gt; &lt;base64 verifying share&gt;
 * ...
 * member N &lt;name&gt; &lt;base64 verifying share&gt;
 * </pre>
 *
 * Construction checks that the verifying shares lie on one polynomial of degree M - 1 whose value
 * at 0 is the group key, so that any M members can sign. The group ID, SHA-256 of the encoding,
 * binds round messages and attestations to exactly this group.
 */
public final class GroupKey {
    public static final String FORMAT = "virex-frost-group/v1";
    /** Implementation limit on the encoded description. */
    public static final int MAX_BYTES = 128 * 1024;

    /** A member: identifier, name (a signed-note key name), verifying share. */
    public record Member(Identifier id, String name, Element verifyingShare) {
        public Member {
            Objects.requireNonNull(id, "id");
            if (!KeyNames.isValid(name)) {
                throw new IllegalArgumentException("invalid member name: " + name);
            }
            if (verifyingShare.isIdentity()) {
                throw new IllegalArgumentException("a verifying share cannot be the identity");
            }
        }
    }

    private final VerifierKey vkey;
    private final Element publicKey;
    private final int threshold;
    private final List<Member> members;
    private final byte[] encoded;
    private final Bytes id;

    private GroupKey(VerifierKey vkey, Element publicKey, int threshold, List<Member> members) {
        this.vkey = vkey;
        this.publicKey = publicKey;
        this.threshold = threshold;
        this.members = List.copyOf(members);
        TextWriter w = new TextWriter(FORMAT).line("vkey", vkey.encode()).line("threshold", threshold);
        for (Member m : members) {
            w.line("member", m.id(), m.name(), m.verifyingShare().serialize());
        }
        this.encoded = w.toBytes();
        this.id = Ciphersuite.sha256(encoded);
    }

    /**
     * A group from its parts; members must be numbered 1..N in order, with distinct names.
     *
     * @throws FrostException (INVALID_SHARE) if the verifying shares do not fit the group key
     */
    public static GroupKey of(String name, Element publicKey, int threshold, List<Member> members) throws FrostException {
        if (!KeyNames.isValid(name)) {
            throw FrostException.malformed("invalid group key name: " + name);
        }
        int n = members.size();
        if (n < 1 || n > Identifier.MAX || threshold < 1 || threshold > n) {
            throw FrostException.malformed("need 1 <= threshold <= members <= " + Identifier.MAX + ", got " + threshold + " of " + n);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (members.get(i).id().value() != i + 1) {
                throw FrostException.malformed("members must be numbered 1.." + n + " in order");
            }
            if (!names.add(members.get(i).name())) {
                throw FrostException.malformed("two members named " + members.get(i).name());
            }
        }
        if (publicKey.isIdentity()) {
            throw FrostException.malformed("the group key cannot be the identity");
        }
        GroupShares.checkConsistent(publicKey, threshold, members);
        return new GroupKey(VerifierKey.ed25519(name, publicKey.serialize()), publicKey, threshold, members);
    }

    public static GroupKey parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "group description");
        r.header(FORMAT);
        VerifierKey vkey;
        try {
            vkey = VerifierKey.parse(r.field("vkey"));
        } catch (NoteException e) {
            throw new FrostException(FrostException.Kind.MALFORMED, "group description: " + e.getMessage(), List.of(), e);
        }
        if (vkey.type() != dev.virex.core.note.SignatureType.ED25519) {
            throw FrostException.malformed("group description: the group vkey must be an Ed25519 (type 0x01) key");
        }
        Element publicKey;
        try {
            publicKey = Element.deserialize(vkey.publicKey());
        } catch (FrostException e) {
            throw new FrostException(e.kind(), "group description: group key: " + e.getMessage(), List.of(), e);
        }
        int threshold = r.decimal(r.field("threshold"), 1, Identifier.MAX, "threshold");
        List<Member> members = new ArrayList<>();
        while (r.at("member")) {
            if (members.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "group description: more than " + Identifier.MAX + " members");
            }
            String[] f = r.line("member", 3);
            Identifier id = Identifier.parse(f[0]);
            if (!KeyNames.isValid(f[1])) {
                throw FrostException.malformed("group description: invalid member name");
            }
            members.add(new Member(id, f[1], r.element(f[2], "verifying share of member " + id)));
        }
        r.end();
        GroupKey g = of(vkey.name(), publicKey, threshold, members);
        if (!java.util.Arrays.equals(g.encoded, text)) {
            throw FrostException.malformed("group description is not in canonical form");
        }
        return g;
    }

    public byte[] encode() {
        return encoded.clone();
    }

    /** The group ID: SHA-256 of the canonical description. */
    public Bytes id() {
        return id;
    }

    /** The group public key as a signed-note verifier key (type 0x01, Ed25519). */
    public VerifierKey vkey() {
        return vkey;
    }

    public Element publicKey() {
        return publicKey;
    }

    /** M, the number of members needed to sign (MIN_PARTICIPANTS). */
    public int threshold() {
        return threshold;
    }

    /** N = members().size() (MAX_PARTICIPANTS). */
    public List<Member> members() {
        return members;
    }

    /**
     * The signed-note signature line that a group signature makes under the group vkey: add it to
     * a note whose text is the signed message (C2SP signed-note, Ed25519 type 0x01).
     */
    public NoteSignature noteSignature(Signature signature) {
        return new NoteSignature(vkey.name(), vkey.keyId(), signature.encode());
    }

    public Member member(Identifier id) throws FrostException {
        if (id.value() > members.size()) {
            throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "the group has no member " + id);
        }
        return members.get(id.value() - 1);
    }

    public Member member(String name) throws FrostException {
        for (Member m : members) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER, "the group has no member named " + name, List.of(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey g && id.equals(g.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "GroupKey[" + vkey.encode() + ", " + threshold + " of " + members.size() + "]";
    }
}
