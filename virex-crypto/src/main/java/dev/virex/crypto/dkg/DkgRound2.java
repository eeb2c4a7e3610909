package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.core.note.VerifiedNote;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.TextReader;
import dev.virex.crypto.frost.TextWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * DKG round two, broadcast by each member l (FROST paper, Figure 1, round 2): the share f_l(j)
 * for every other member j, each encrypted to j's round-one encryption key, and the hash of the
 * round-one messages l saw, so that a split view of round one is detected.
 *
 * <pre>
 * virex-dkg-round2/v1
 * dkg &lt;base64 DKG ID&gt;
 * member &lt;l&gt;
 * transcript &lt;base64 SHA-256 of round one&gt;
 * share &lt;j&gt; &lt;base64 32-byte encrypted share&gt;     (one per other member, ascending j)
 * </pre>
 */
public record DkgRound2(Bytes dkgId, Identifier member, Bytes transcript, List<EncryptedShare> shares) {
    public static final String FORMAT = "virex-dkg-round2/v1";
    public static final int MAX_BYTES = 32 * 1024;

    /** A share for member {@code to}, encrypted (see {@link ShareCipher}). */
    public record EncryptedShare(Identifier to, Bytes ciphertext) {
        public EncryptedShare {
            Objects.requireNonNull(to, "to");
            if (ciphertext.length() != ShareCipher.BYTES) {
                throw new IllegalArgumentException("an encrypted share is " + ShareCipher.BYTES + " bytes");
            }
        }
    }

    public DkgRound2 {
        DkgRound1.requireId(dkgId);
        Objects.requireNonNull(member, "member");
        if (transcript.length() != 32) {
            throw new IllegalArgumentException("a transcript hash is 32 bytes");
        }
        shares = List.copyOf(shares);
        for (int i = 1; i < shares.size(); i++) {
            if (shares.get(i - 1).to().compareTo(shares.get(i).to()) >= 0) {
                throw new IllegalArgumentException("shares must be sorted by recipient, without repeats");
            }
        }
    }

    public EncryptedShare shareFor(Identifier to) throws FrostException {
        for (EncryptedShare s : shares) {
            if (s.to().equals(to)) {
                return s;
            }
        }
        throw FrostException.malformed("DKG round 2 from member " + member + " has no share for member " + to);
    }

    public byte[] encode() {
        TextWriter w = new TextWriter(FORMAT).line("dkg", dkgId).line("member", member).line("transcript", transcript);
        for (EncryptedShare s : shares) {
            w.line("share", s.to(), s.ciphertext());
        }
        return w.toBytes();
    }

    public static DkgRound2 parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "DKG round 2");
        r.header(FORMAT);
        Bytes id = r.base64(r.field("dkg"), 32, "DKG ID");
        Identifier member = Identifier.parse(r.field("member"));
        Bytes transcript = r.base64(r.field("transcript"), 32, "transcript");
        List<EncryptedShare> shares = new ArrayList<>();
        while (r.at("share")) {
            if (shares.size() == Identifier.MAX) {
                throw new FrostException(FrostException.Kind.TOO_LARGE, "DKG round 2: more than " + Identifier.MAX + " shares");
            }
            String[] f = r.line("share", 2);
            Identifier to = Identifier.parse(f[0]);
            if (!shares.isEmpty() && shares.get(shares.size() - 1).to().compareTo(to) >= 0) {
                throw FrostException.malformed("DKG round 2: shares must be sorted by recipient, without repeats");
            }
            shares.add(new EncryptedShare(to, r.base64(f[1], ShareCipher.BYTES, "encrypted share for " + to)));
        }
        r.end();
        DkgRound2 m = new DkgRound2(id, member, transcript, shares);
        if (!Arrays.equals(m.encode(), text)) {
            throw FrostException.malformed("DKG round 2 is not in canonical form");
        }
        return m;
    }

    /** Opens a signed round-two note: sender's signature, this DKG, one share for each other member. */
    public static DkgRound2 open(byte[] note, DkgConfig config) throws FrostException {
        VerifiedNote vn = DkgNotes.open(note, config, MAX_BYTES, "DKG round 2");
        DkgRound2 m = parse(DkgNotes.text(vn));
        if (!m.dkgId.equals(config.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "DKG round 2 from member " + m.member + " is for another DKG");
        }
        DkgNotes.requireSigner(vn, config, m.member, "DKG round 2");
        List<Identifier> expected = new ArrayList<>(config.identifiers());
        expected.remove(m.member);
        if (!m.shares.stream().map(EncryptedShare::to).toList().equals(expected)) {
            throw FrostException.malformed("DKG round 2 from " + config.name(m.member) + " must carry one share for each other member");
        }
        return m;
    }
}
