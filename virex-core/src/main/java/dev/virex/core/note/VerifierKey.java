package dev.virex.core.note;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;

/**
 * A verifier key ("vkey") of C2SP signed-note: {@code <name>+<hex key ID>+<base64(type || key)>}.
 * Supported types: Ed25519 (0x01) and Ed25519 cosignature/v1 (0x04); both carry a 32-byte key.
 * The key ID must equal the one computed from name, type and key, as the spec recommends and as
 * golang.org/x/mod/sumdb/note enforces.
 */
public record VerifierKey(String name, int keyId, int type, Bytes publicKey) {
    /** Implementation limit on the textual form. */
    public static final int MAX_ENCODED_LENGTH = 512;

    public VerifierKey {
        if (!KeyNames.isValid(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        if (type != SignatureType.ED25519 && type != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("unsupported signature type 0x" + Integer.toHexString(type));
        }
        if (publicKey.length() != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        if (keyId != KeyIds.compute(name, type, publicKey)) {
            throw new IllegalArgumentException("key ID does not match the key name and public key");
        }
    }

    /** The Ed25519 (type 0x01) vkey for a name and public key. */
    public static VerifierKey ed25519(String name, Bytes publicKey) {
        return new VerifierKey(name, KeyIds.compute(name, SignatureType.ED25519, publicKey), SignatureType.ED25519, publicKey);
    }

    public static VerifierKey parse(String vkey) throws NoteException {
        if (vkey.length() > MAX_ENCODED_LENGTH) {
            throw new NoteException(NoteException.Kind.TOO_LARGE, "verifier key longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        String[] parts = splitKey(vkey);
        if (parts == null) {
            throw NoteException.malformed("verifier key must be <name>+<hex key id>+<base64 key>");
        }
        String name = KeyNames.require(parts[0]);
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw NoteException.malformed("verifier key ID must be 8 lowercase hex digits");
        }
        int keyId = Integer.parseUnsignedInt(parts[1], 16);
        byte[] raw = Base64s.decodeCanonical(parts[2])
                .orElseThrow(() -> NoteException.malformed("verifier key material is not canonical base64"));
        if (raw.length != 1 + Ed25519.PUBLIC_KEY_BYTES) {
            throw NoteException.malformed("verifier key material must be 33 bytes (type and Ed25519 key)");
        }
        int type = raw[0] & 0xff;
        if (type != SignatureType.ED25519 && type != SignatureType.COSIGNATURE_V1) {
            throw NoteException.malformed("unsupported verifier key type 0x" + Integer.toHexString(type));
        }
        Bytes key = Bytes.of(raw, 1, Ed25519.PUBLIC_KEY_BYTES);
        if (keyId != KeyIds.compute(name, type, key)) {
            throw NoteException.malformed("verifier key ID does not match its name and key");
        }
        try {
            Ed25519.publicKey(key);
        } catch (IllegalArgumentException e) {
            throw NoteException.malformed("verifier key is not a valid Ed25519 point");
        }
        return new VerifierKey(name, keyId, type, key);
    }

    /**
     * Splits {@code <name>+<id>+<base64>} at its first two plus signs (base64 may contain more),
     * or answers null.
     */
    static String[] splitKey(String s) {
        int a = s.indexOf('+');
        int b = a < 0 ? -1 : s.indexOf('+', a + 1);
        if (b < 0) {
            return null;
        }
        return new String[] {s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1)};
    }

    public String encode() {
        byte[] raw = new byte[1 + publicKey.length()];
        raw[0] = (byte) type;
        publicKey.copyTo(raw, 1);
        return name + "+" + KeyIds.hex(keyId) + "+" + Base64s.encode(raw);
    }

    /** A verifier for Ed25519 note signatures (type 0x01) by this key. */
    public NoteVerifier noteVerifier() {
        if (type != SignatureType.ED25519) {
            throw new IllegalStateException("not an Ed25519 note key: type 0x" + Integer.toHexString(type));
        }
        return new Ed25519NoteVerifier(name, keyId, Ed25519.publicKey(publicKey));
    }

    @Override
    public String toString() {
        return encode();
    }
}
