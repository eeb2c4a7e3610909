package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.core.note.VerifiedNote;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Scalar;
import dev.virex.crypto.frost.TextReader;
import dev.virex.crypto.frost.TextWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * DKG round one, broadcast by each member (FROST paper, Figure 1, round 1): the commitment to its
 * secret polynomial (phi_0 .. phi_{M-1}), a proof of knowledge of the constant term
 * (R, mu), and an ephemeral encryption key for the round-two shares it will receive.
 *
 * <pre>
 * virex-dkg-round1/v1
 * dkg &lt;base64 DKG ID&gt;
 * member &lt;i&gt;
 * coefficient &lt;base64 phi_k&gt;     (M lines, k = 0 .. M-1)
 * proof &lt;base64 R&gt; &lt;base64 mu&gt;
 * encryption-key &lt;base64 E_i&gt;
 * </pre>
 */
public record DkgRound1(Bytes dkgId, Identifier member, List<Element> commitment, Element proofR, Scalar proofMu, Element encryptionKey) {
    public static final String FORMAT = "virex-dkg-round1/v1";
    public static final int MAX_BYTES = 32 * 1024;

    public DkgRound1 {
        requireId(dkgId);
        Objects.requireNonNull(member, "member");
        commitment = List.copyOf(commitment);
        if (commitment.isEmpty() || commitment.size() > Identifier.MAX) {
            throw new IllegalArgumentException("need 1 to " + Identifier.MAX + " coefficient commitments");
        }
        Objects.requireNonNull(proofR, "proofR");
        Objects.requireNonNull(proofMu, "proofMu");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
    }

    public byte[] encode() {
        TextWriter w = new TextWriter(FORMAT).line("dkg", dkgId).line("member", member);
        for (Element phi : commitment) {
            w.line("coefficient", phi.serialize());
        }
        return w.line("proof", proofR.serialize(), proofMu.serialize()).line("encryption-key", encryptionKey.serialize()).toBytes();
    }

    public static DkgRound1 parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "DKG round 1");
        r.header(FORMAT);
        Bytes id = r.base64(r.field("dkg"), 32, "DKG ID");
        Identifier member = Identifier.parse(r.field("member"));
        List<Element> commitment = new ArrayList<>();
        while (r.at("coefficient")) {
            if (commitment.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "DKG round 1: more than " + Identifier.MAX + " coefficients");
            }
            commitment.add(r.element(r.field("coefficient"), "coefficient commitment " + commitment.size()));
        }
        if (commitment.isEmpty()) {
            throw FrostException.malformed("DKG round 1 has no coefficient commitment");
        }
        String[] proof = r.line("proof", 2);
        Element proofR = r.element(proof[0], "proof R");
        Scalar mu = r.scalar(proof[1], "proof mu");
        Element e = r.element(r.field("encryption-key"), "encryption key");
        r.end();
        DkgRound1 m = new DkgRound1(id, member, commitment, proofR, mu, e);
        if (!Arrays.equals(m.encode(), text)) {
            throw FrostException.malformed("DKG round 1 is not in canonical form");
        }
        return m;
    }

    /** Opens a signed round-one note: sender's signature, this DKG, M coefficients. */
    public static DkgRound1 open(byte[] note, DkgConfig config) throws FrostException {
        VerifiedNote vn = DkgNotes.open(note, config, MAX_BYTES, "DKG round 1");
        DkgRound1 m = parse(DkgNotes.text(vn));
        if (!m.dkgId.equals(config.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "DKG round 1 from member " + m.member + " is for another DKG");
        }
        DkgNotes.requireSigner(vn, config, m.member, "DKG round 1");
        if (m.commitment.size() != config.threshold()) {
            throw FrostException.malformed("DKG round 1 from " + config.name(m.member) + " commits to " + m.commitment.size()
                    + " coefficients, the threshold needs " + config.threshold());
        }
        return m;
    }

    static void requireId(Bytes id) {
        if (id.length() != 32) {
            throw new IllegalArgumentException("a DKG ID is 32 bytes");
        }
    }
}
