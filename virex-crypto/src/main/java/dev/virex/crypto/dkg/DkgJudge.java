package dev.virex.crypto.dkg;

import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Polynomials;
import dev.virex.crypto.frost.Scalar;
import java.util.List;

/**
 * Decides a DKG complaint from public, signed data alone, so that every member (and any observer)
 * reaches the same verdict: the accused dealer is the culprit if the share it signed for the
 * accuser does not decrypt to a scalar on its committed polynomial; otherwise the accuser lied.
 */
public final class DkgJudge {
    /** The culprit's member name and why. */
    public record Verdict(String culprit, String reason) {}

    private DkgJudge() {}

    /**
     * @param round1Notes every member's signed round-one note
     * @param round2Notes at least the accused's signed round-two note
     * @param complaintNote the accuser's signed complaint
     * @throws FrostException if the complaint or the notes themselves are not valid for this DKG
     */
    public static Verdict judge(DkgConfig config, List<byte[]> round1Notes, List<byte[]> round2Notes, byte[] complaintNote)
            throws FrostException {
        DkgComplaint c = DkgComplaint.open(complaintNote, config);
        Round1View view = Round1View.of(config, round1Notes);
        DkgRound2 dealt = null;
        for (byte[] note : round2Notes) {
            DkgRound2 m = DkgRound2.open(note, config);
            if (m.member().equals(c.accused())) {
                dealt = m;
            }
        }
        String accuser = config.name(c.accuser());
        String accused = config.name(c.accused());
        if (dealt == null) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, "no round-two note from the accused " + accused, List.of(accused));
        }
        Element accuserKey = view.message(c.accuser()).encryptionKey();
        if (!Element.baseMultiply(c.decryptionKey()).equals(accuserKey)) {
            return new Verdict(accuser, accuser + " revealed a decryption key that is not its round-one key");
        }
        DkgRound1 dealer = view.message(c.accused());
        Scalar share;
        try {
            share = ShareCipher.decrypt(config.id(), c.accused(), c.accuser(), c.decryptionKey(), accuserKey,
                    dealer.encryptionKey(), dealt.shareFor(c.accuser()).ciphertext());
        } catch (FrostException e) {
            return new Verdict(accused, accused + " sent " + accuser + " a share that is not a valid scalar");
        }
        if (!Polynomials.vssVerify(c.accuser(), share, dealer.commitment())) {
            return new Verdict(accused, accused + " sent " + accuser + " a share that fails the VSS check against its commitment");
        }
        return new Verdict(accuser, accuser + " complained about a valid share from " + accused);
    }
}
