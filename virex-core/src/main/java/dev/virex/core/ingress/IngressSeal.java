package dev.virex.core.ingress;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * Seals a payload to a mixnode with HPKE (RFC 9180) in base mode, suite DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, so that real and cover messages are alike on the
 * wire. The info string binds the mixnode: {@code "virex/ingress/v1" || 0x00 || identity}; the
 * associated data is empty. One message per encapsulation (sequence number 0).
 */
public final class IngressSeal {
    static final byte[] INFO_PREFIX = "virex/ingress/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_AAD = new byte[0];

    private IngressSeal() {}

    /** A new HPKE instance of the VIREX suite (instances are not shared across threads). */
    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }

    static byte[] info(Bytes mixnodeId) {
        byte[] info = new byte[INFO_PREFIX.length + mixnodeId.length()];
        System.arraycopy(INFO_PREFIX, 0, info, 0, INFO_PREFIX.length);
        mixnodeId.copyTo(info, INFO_PREFIX.length);
        return info;
    }

    /** A sealed payload: the encapsulated key and the ciphertext. */
    public record Sealed(Bytes encapsulatedKey, Bytes ciphertext) {}

    /**
     * Seals {@code payload} to the mixnode's X25519 key; the ephemeral key comes from
     * {@code random} through RFC 9180 DeriveKeyPair.
     */
    public static Sealed seal(Bytes mixnodeKem, Bytes mixnodeId, MessagePayload payload, SecureRandom random) {
        byte[] ikm = new byte[32];
        random.nextBytes(ikm);
        HPKE h = hpke();
        AsymmetricCipherKeyPair eph = h.deriveKeyPair(ikm);
        try {
            HPKEContextWithEncapsulation ctx = h.setupBaseS(h.deserializePublicKey(mixnodeKem.toArray()), info(mixnodeId), eph);
            byte[] ct = ctx.seal(NO_AAD, payload.encode());
            return new Sealed(Bytes.wrap(ctx.getEncapsulation()), Bytes.wrap(ct));
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot seal to this mixnode key: " + e.getMessage(), e);
        }
    }

    /** The mixnode's side: its X25519 key pair, derived from secret key material. */
    public static final class OpeningKey {
        private final byte[] privateKey;
        private final Bytes publicKey;
        private final Bytes mixnodeId;

        private OpeningKey(byte[] privateKey, Bytes publicKey, Bytes mixnodeId) {
            this.privateKey = privateKey;
            this.publicKey = publicKey;
            this.mixnodeId = mixnodeId;
        }

        /** RFC 9180 DeriveKeyPair from {@code ikm} (at least 32 secret bytes). */
        public static OpeningKey derive(byte[] ikm, Bytes mixnodeId) {
            if (ikm.length < 32) {
                throw new IllegalArgumentException("need at least 32 bytes of key material");
            }
            HPKE h = hpke();
            AsymmetricCipherKeyPair kp = h.deriveKeyPair(ikm);
            return new OpeningKey(h.serializePrivateKey(kp.getPrivate()), Bytes.wrap(h.serializePublicKey(kp.getPublic())), mixnodeId);
        }

        /** The X25519 public key clients seal to. */
        public Bytes publicKey() {
            return publicKey;
        }

        /** Opens the sealed part of a frame; any failure is {@link FrameException}. */
        public MessagePayload open(Bytes encapsulatedKey, Bytes ciphertext) throws FrameException {
            HPKE h = hpke();
            try {
                AsymmetricCipherKeyPair kp = h.deserializePrivateKey(privateKey, publicKey.toArray());
                // RFC 9180 section 5.1.1 SetupBaseR, then section 5.2 Open (AEAD authentication fails closed)
                HPKEContext ctx = h.setupBaseR(encapsulatedKey.toArray(), kp, info(mixnodeId));
                return MessagePayload.decode(ctx.open(NO_AAD, ciphertext.toArray()));
            } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
                throw new FrameException("sealed payload does not open: " + e.getMessage(), e);
            }
        }
    }
}
