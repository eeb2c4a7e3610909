package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Who signed: the members whose shares make up one group signature, with their commitments and
 * shares, so that a third party holding the group description checks exactly which members
 * approved (each share against the member's verifying share, RFC 9591 section 5.3), and that
 * together they make the signature.
 *
 * <pre>
 * virex-frost-attestation/v1
 * group &lt;base64 group ID&gt;
 * message &lt;base64 SHA-256 of the signed message&gt;
 * signature &lt;base64 64-byte Ed25519 signature&gt;
 * signer &lt;identifier&gt; &lt;name&gt; &lt;base64 hiding&gt; &lt;base64 binding&gt; &lt;base64 share&gt;
 * ...
 * </pre>
 *
 * Signers are sorted by identifier. A share verifies only for the commitment list and message it
 * was made for, and forging one needs the member's secret share, so a valid attestation shows that
 * each listed member took part in this signature.
 */
public record Attestation(Bytes groupId, Bytes messageDigest, Bytes signature, List<Signer> signers) {
    public static final String FORMAT = "virex-frost-attestation/v1";
    /** Implementation limit on the encoded attestation. */
    public static final int MAX_BYTES = 128 * 1024;

    /** One signer: commitment (which carries the identifier), member name, signature share. */
    public record Signer(SigningCommitment commitment, String name, Scalar share) {
        public Signer {
            Objects.requireNonNull(commitment, "commitment");
            Objects.requireNonNull(share, "share");
            if (!KeyNames.isValid(name)) {
                throw new IllegalArgumentException("invalid member name: " + name);
            }
        }

        public Identifier id() {
            return commitment.id();
        }
    }

    public Attestation {
        CommitmentMessage.requireGroupId(groupId);
        if (messageDigest.length() != 32 || signature.length() != Signature.BYTES) {
            throw new IllegalArgumentException("need a 32-byte message digest and a 64-byte signature");
        }
        signers = List.copyOf(signers);
        if (signers.isEmpty() || signers.size() > Identifier.MAX) {
            throw new IllegalArgumentException("need 1 to " + Identifier.MAX + " signers");
        }
        for (int i = 1; i < signers.size(); i++) {
            if (signers.get(i - 1).id().compareTo(signers.get(i).id()) >= 0) {
                throw new IllegalArgumentException("signers must be sorted by identifier, without repeats");
            }
        }
    }

    /** The attestation of a completed signing. */
    static Attestation of(GroupKey group, SigningPackage pkg, List<SignatureShare> shares, Signature sig) throws FrostException {
        List<Signer> signers = new ArrayList<>();
        for (SigningCommitment c : pkg.commitments()) {
            SignatureShare s = shares.stream().filter(x -> x.id().equals(c.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no share from " + c.id()));
            signers.add(new Signer(c, group.member(c.id()).name(), s.share()));
        }
        return new Attestation(group.id(), Ciphersuite.sha256(pkg.message().toArray()), sig.encode(), signers);
    }

    public List<String> signerNames() {
        return signers.stream().map(Signer::name).toList();
    }

    public byte[] encode() {
        TextWriter w = new TextWriter(FORMAT)
                .line("group", groupId)
                .line("message", messageDigest)
                .line("signature", signature);
        for (Signer s : signers) {
            w.line("signer", s.id(), s.name(), s.commitment().hiding().serialize(), s.commitment().binding().serialize(), s.share().serialize());
        }
        return w.toBytes();
    }

    public static Attestation parse(byte[] text) throws FrostException {
        return parse(text, true);
    }

    /**
     * @param prime whether commitments must be in the prime-order subgroup (RFC 9591 section 6.1);
     *     {@link AttestationBatch} parses without that check, its cofactored equation not needing it
     */
    static Attestation parse(byte[] text, boolean prime) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "attestation");
        r.header(FORMAT);
        Bytes group = r.base64(r.field("group"), 32, "group ID");
        Bytes digest = r.base64(r.field("message"), 32, "message digest");
        Bytes sig = r.base64(r.field("signature"), Signature.BYTES, "signature");
        List<Signer> signers = new ArrayList<>();
        while (r.at("signer")) {
            if (signers.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "attestation: more than " + Identifier.MAX + " signers");
            }
            String[] f = r.line("signer", 5);
            Identifier id = Identifier.parse(f[0]);
            if (!signers.isEmpty() && signers.get(signers.size() - 1).id().compareTo(id) >= 0) {
                throw FrostException.malformed("attestation: signers must be sorted by identifier, without repeats");
            }
            if (!KeyNames.isValid(f[1])) {
                throw FrostException.malformed("attestation: invalid signer name");
            }
            Element hiding = prime ? r.element(f[2], "hiding commitment of " + id) : r.elementUnchecked(f[2], "hiding commitment of " + id);
            Element binding = prime ? r.element(f[3], "binding commitment of " + id) : r.elementUnchecked(f[3], "binding commitment of " + id);
            SigningCommitment c = build(() -> new SigningCommitment(id, hiding, binding));
            signers.add(new Signer(c, f[1], r.scalar(f[4], "share of " + id)));
        }
        r.end();
        if (signers.isEmpty()) {
            throw FrostException.malformed("attestation lists no signer");
        }
        Attestation a = new Attestation(group, digest, sig, signers);
        if (!Arrays.equals(a.encode(), text)) {
            throw FrostException.malformed("attestation is not in canonical form");
        }
        return a;
    }

    private static SigningCommitment build(java.util.function.Supplier<SigningCommitment> c) throws FrostException {
        try {
            return c.get();
        } catch (IllegalArgumentException e) {
            throw FrostException.malformed("attestation: " + e.getMessage());
        }
    }

    /**
     * Verifies this attestation for {@code message} under {@code group}: the group and message
     * match, at least M signers, each one a member under its own name whose share verifies (RFC
     * 9591 section 5.3, verify_signature_share), the shares aggregate to the signature (section 5.3,
     * aggregate), and the signature verifies under the group key (section 6.1).
     *
     * @return the signers, as members of the group
     * @throws FrostException naming the members whose shares fail (INVALID_SHARE), or saying which
     *     other check failed
     */
    public List<GroupKey.Member> verify(GroupKey group, byte[] message) throws FrostException {
        if (!groupId.equals(group.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "attestation is for another group");
        }
        if (!messageDigest.equals(Ciphersuite.sha256(message))) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "attestation is for another message");
        }
        if (signers.size() < group.threshold()) {
            throw new FrostException(FrostException.Kind.NOT_ENOUGH_SIGNERS,
                    "attestation lists " + signers.size() + " signers, the group needs " + group.threshold());
        }
        List<GroupKey.Member> members = new ArrayList<>();
        for (Signer s : signers) {
            GroupKey.Member m = group.member(s.id());
            if (!m.name().equals(s.name())) {
                throw new FrostException(FrostException.Kind.UNKNOWN_MEMBER,
                        "attestation names member " + s.id() + " '" + s.name() + "', the group calls it '" + m.name() + "'", List.of(s.name()));
            }
            members.add(m);
        }
        SigningContext ctx = SigningContext.of(group.publicKey(), signers.stream().map(Signer::commitment).toList(), message);
        List<String> bad = new ArrayList<>();
        List<SignatureShare> shares = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            SignatureShare share = new SignatureShare(signers.get(i).id(), signers.get(i).share());
            if (!ctx.verifyShare(share, members.get(i).verifyingShare())) {
                bad.add(signers.get(i).name());
            }
            shares.add(share);
        }
        if (!bad.isEmpty()) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE, "invalid signature share from " + String.join(", ", bad), bad);
        }
        if (!ctx.aggregate(shares).encode().equals(signature)) {
            throw new FrostException(FrostException.Kind.INVALID_SIGNATURE, "the signature is not the aggregate of the listed shares");
        }
        if (!Signature.verify(group.publicKey(), message, signature)) {
            throw new FrostException(FrostException.Kind.INVALID_SIGNATURE, "the signature does not verify under the group key");
        }
        return members;
    }
}
