package dev.virex.core.checkpoint;

import dev.virex.core.Bytes;
import dev.virex.core.note.Ed25519;
import dev.virex.core.note.KeyIds;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Ed25519 checkpoint cosignatures, C2SP tlog-cosignature (cosignature/v1, signature type 0x04):
 * the witness signs {@code "cosignature/v1\ntime <T>\n"} followed by the whole checkpoint text, and
 * the signature line carries the 8-byte big-endian timestamp T before the 64-byte signature. The
 * cosigner key is an ordinary Ed25519 key; its vkey has type 0x04 (hence another key ID).
 */
public final class Cosignature {
    static final String HEADER = "cosignature/v1\n";
    public static final int BYTES = 8 + Ed25519.SIGNATURE_BYTES;

    private Cosignature() {}

    /** The type-0x04 vkey of a witness whose Ed25519 key has the type-0x01 vkey {@code key}. */
    public static VerifierKey cosignerKey(VerifierKey key) {
        return new VerifierKey(key.name(), KeyIds.compute(key.name(), SignatureType.COSIGNATURE_V1, key.publicKey()),
                SignatureType.COSIGNATURE_V1, key.publicKey());
    }

    /** The message a cosigner signs for {@code checkpointText} at {@code time} (tlog-cosignature, "Ed25519 signed message"). */
    public static byte[] message(long time, byte[] checkpointText, int off, int len) {
        if (time < 0) {
            throw new IllegalArgumentException("cosignature timestamps are 0 to 2^63 - 1");
        }
        byte[] head = (HEADER + "time " + time + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] msg = new byte[head.length + len];
        System.arraycopy(head, 0, msg, 0, head.length);
        System.arraycopy(checkpointText, off, msg, head.length, len);
        return msg;
    }

    /** A signer that cosigns with {@code key} at POSIX time {@code time}. */
    public static NoteSigner signer(SignerKey key, long time) {
        VerifierKey vkey = cosignerKey(key.verifierKey());
        byte[] seed = key.seed(SecretAccess.grant()).toArray();
        return new NoteSigner() {
            @Override
            public String name() {
                return vkey.name();
            }

            @Override
            public int keyId() {
                return vkey.keyId();
            }

            @Override
            public byte[] sign(byte[] text) {
                byte[] sig = Ed25519.sign(seed, message(time, text, 0, text.length));
                return ByteBuffer.allocate(BYTES).putLong(time).put(sig).array();
            }
        };
    }

    /** A verifier of cosignatures by the witness with the type-0x04 vkey {@code cosigner}. */
    public static NoteVerifier verifier(VerifierKey cosigner) {
        if (cosigner.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosigner vkey has signature type 0x04");
        }
        Ed25519.PublicKey key = Ed25519.publicKey(cosigner.publicKey());
        return new NoteVerifier() {
            @Override
            public String name() {
                return cosigner.name();
            }

            @Override
            public int keyId() {
                return cosigner.keyId();
            }

            @Override
            public boolean verify(byte[] text, int off, int len, byte[] sig) {
                if (sig.length != BYTES) {
                    return false;
                }
                long time = ByteBuffer.wrap(sig, 0, 8).getLong();
                if (time < 0) {
                    return false; // tlog-cosignature: the timestamp MUST NOT exceed 2^63 - 1
                }
                byte[] ed = java.util.Arrays.copyOfRange(sig, 8, BYTES);
                return key.verify(message(time, text, off, len), ed);
            }
        };
    }

    /** The timestamp of a cosignature line, if it has the cosignature/v1 length. */
    public static OptionalLong timestamp(NoteSignature sig) {
        Bytes b = sig.signature();
        if (b.length() != BYTES) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(b.toArray(), 0, 8).getLong());
    }
}
