package dev.virex.core.note;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An Ed25519 note signing key, stored in the private-key format of golang.org/x/mod/sumdb/note
 * used across the C2SP ecosystem: {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}.
 * The seed is reachable only with {@link SecretAccess}.
 */
public final class SignerKey {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private SignerKey(String name, byte[] seed) {
        this.name = name;
        this.seed = seed;
        this.verifierKey = VerifierKey.ed25519(name, Ed25519.publicKeyOf(seed));
    }

    public static SignerKey generate(String name, SecureRandom random) {
        if (!KeyNames.isValid(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "': must be 1 to "
                    + KeyNames.MAX_NAME_LENGTH + " characters with no spaces or '+'");
        }
        return new SignerKey(name, Ed25519.newSeed(random));
    }

    /** A key from an existing 32-byte seed (copied). */
    public static SignerKey fromSeed(String name, byte[] seed, SecretAccess access) {
        if (!KeyNames.isValid(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        if (access == null || seed.length != Ed25519.SEED_BYTES) {
            throw new IllegalArgumentException("need secret access and a 32-byte seed");
        }
        return new SignerKey(name, seed.clone());
    }

    public static SignerKey parse(String encoded) throws NoteException {
        String s = encoded.strip();
        if (s.length() > VerifierKey.MAX_ENCODED_LENGTH || !s.startsWith(PREFIX)) {
            throw NoteException.malformed("not a private key: expected PRIVATE+KEY+<name>+<hex id>+<base64>");
        }
        String[] parts = VerifierKey.splitKey(s.substring(PREFIX.length()));
        if (parts == null) {
            throw NoteException.malformed("private key must be PRIVATE+KEY+<name>+<hex id>+<base64>");
        }
        String name = KeyNames.require(parts[0]);
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw NoteException.malformed("private key ID must be 8 lowercase hex digits");
        }
        byte[] raw = Base64s.decodeCanonical(parts[2])
                .orElseThrow(() -> NoteException.malformed("private key material is not canonical base64"));
        try {
            if (raw.length != 1 + Ed25519.SEED_BYTES || raw[0] != SignatureType.ED25519) {
                throw NoteException.malformed("private key material must be 0x01 followed by a 32-byte Ed25519 seed");
            }
            SignerKey key = new SignerKey(name, Arrays.copyOfRange(raw, 1, raw.length));
            if (key.verifierKey.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
                throw NoteException.malformed("private key ID does not match its name and key");
            }
            return key;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public String name() {
        return name;
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The private-key text, for writing a key file. */
    public String encode(SecretAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("secret access required");
        }
        byte[] raw = new byte[1 + seed.length];
        raw[0] = SignatureType.ED25519;
        System.arraycopy(seed, 0, raw, 1, seed.length);
        String out = PREFIX + name + "+" + KeyIds.hex(verifierKey.keyId()) + "+" + Base64s.encode(raw);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    /** The 32-byte seed, for code that must hand it to another primitive. */
    public Bytes seed(SecretAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("secret access required");
        }
        return Bytes.of(seed);
    }

    public NoteSigner noteSigner() {
        return new NoteSigner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int keyId() {
                return verifierKey.keyId();
            }

            @Override
            public byte[] sign(byte[] text) {
                return Ed25519.sign(seed, text);
            }
        };
    }

    @Override
    public String toString() {
        return "SignerKey[" + verifierKey.encode() + "]";
    }
}
