package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.core.note.VerifiedNote;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Scalar;
import dev.virex.crypto.frost.TextReader;
import dev.virex.crypto.frost.TextWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A complaint (FROST paper, Figure 1, round 2, step 2): member {@code accuser} says the share that
 * {@code accused} sent it fails the verifiable-secret-sharing check. It reveals the accuser's
 * ephemeral decryption key for this DKG, so that anyone can decrypt that share from the accused's
 * signed round-two note and check it against the accused's round-one commitment; see
 * {@link DkgJudge}. A complaint ends the DKG, so revealing the key costs nothing.
 *
 * <pre>
 * virex-dkg-complaint/v1
 * dkg &lt;base64 DKG ID&gt;
 * accuser &lt;i&gt;
 * accused &lt;l&gt;
 * decryption-key &lt;base64 accuser's ephemeral secret&gt;
 * </pre>
 */
public record DkgComplaint(Bytes dkgId, Identifier accuser, Identifier accused, Scalar decryptionKey) {
    public static final String FORMAT = "virex-dkg-complaint/v1";
    public static final int MAX_BYTES = 1024;

    public DkgComplaint {
        DkgRound1.requireId(dkgId);
        Objects.requireNonNull(accuser, "accuser");
        Objects.requireNonNull(accused, "accused");
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        if (accuser.equals(accused)) {
            throw new IllegalArgumentException("a member cannot accuse itself");
        }
    }

    public byte[] encode() {
        return new TextWriter(FORMAT).line("dkg", dkgId).line("accuser", accuser).line("accused", accused)
                .line("decryption-key", decryptionKey.serialize()).toBytes();
    }

    public static DkgComplaint parse(byte[] text) throws FrostException {
        TextReader r = TextReader.of(text, MAX_BYTES, "DKG complaint");
        r.header(FORMAT);
        Bytes id = r.base64(r.field("dkg"), 32, "DKG ID");
        Identifier accuser = Identifier.parse(r.field("accuser"));
        Identifier accused = Identifier.parse(r.field("accused"));
        if (accuser.equals(accused)) {
            throw FrostException.malformed("DKG complaint: a member cannot accuse itself");
        }
        Scalar key = r.scalar(r.field("decryption-key"), "decryption key");
        r.end();
        DkgComplaint c = new DkgComplaint(id, accuser, accused, key);
        if (!Arrays.equals(c.encode(), text)) {
            throw FrostException.malformed("DKG complaint is not in canonical form");
        }
        return c;
    }

    /** Opens a signed complaint: the accuser's signature, this DKG, both members known. */
    public static DkgComplaint open(byte[] note, DkgConfig config) throws FrostException {
        VerifiedNote vn = DkgNotes.open(note, config, MAX_BYTES, "DKG complaint");
        DkgComplaint c = parse(DkgNotes.text(vn));
        if (!c.dkgId.equals(config.id())) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "DKG complaint is for another DKG");
        }
        config.member(c.accused);
        DkgNotes.requireSigner(vn, config, c.accuser, "DKG complaint");
        return c;
    }
}
