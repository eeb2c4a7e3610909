package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.Ciphersuite;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Scalar;
import java.util.Arrays;

/**
 * Encryption of DKG round-two shares, so that round two can be broadcast over any channel: Diffie-
 * Hellman on edwards25519 between the dealer's and the recipient's ephemeral round-one keys, a
 * one-time pad of SHA-512(contextString || "dkg-share" || DKG ID || dealer || recipient || E_dealer
 * || E_recipient || shared point) truncated to 32 bytes, XORed onto SerializeScalar(share).
 * Integrity comes from the dealer's signature on the whole round-two note. Each pad is used once:
 * the ephemeral keys are fresh per DKG and the pad binds both identifiers.
 */
public final class ShareCipher {
    public static final int BYTES = Scalar.BYTES;

    private ShareCipher() {}

    /** Dealer side: encrypts {@code share} for {@code to}. */
    static Bytes encrypt(Bytes dkgId, Identifier from, Identifier to, Scalar ownSecret, Element ownKey, Element peerKey, Scalar share) {
        byte[] pad = pad(dkgId, from, to, ownKey, peerKey, peerKey.multiply(ownSecret));
        byte[] out = share.serialize().toArray();
        xor(out, pad);
        return Bytes.wrap(out);
    }

    /**
     * Recipient side (or anyone holding the recipient's decryption key): decrypts the share that
     * {@code from} sent to {@code to}.
     *
     * @throws FrostException MALFORMED if the plaintext is not a canonical scalar (a bad share)
     */
    static Scalar decrypt(Bytes dkgId, Identifier from, Identifier to, Scalar recipientSecret, Element recipientKey,
            Element dealerKey, Bytes ciphertext) throws FrostException {
        byte[] pad = pad(dkgId, from, to, dealerKey, recipientKey, dealerKey.multiply(recipientSecret));
        byte[] plain = ciphertext.toArray();
        xor(plain, pad);
        try {
            return Scalar.deserialize(Bytes.wrap(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] pad(Bytes dkgId, Identifier from, Identifier to, Element fromKey, Element toKey, Element shared) {
        byte[] h = Ciphersuite.hashBytes("dkg-share", dkgId.toArray(), from.serialize().toArray(), to.serialize().toArray(),
                fromKey.serialize().toArray(), toKey.serialize().toArray(), shared.serialize().toArray());
        return Arrays.copyOf(h, BYTES);
    }

    private static void xor(byte[] data, byte[] pad) {
        for (int i = 0; i < data.length; i++) {
            data[i] ^= pad[i];
        }
        Arrays.fill(pad, (byte) 0);
    }
}
