package dev.virex.core.pow;

import dev.virex.core.Bytes;

/**
 * What a solution is bound to besides its own fields: the target mixnode's identity (its 32-byte
 * Ed25519 public key), the epoch seed, and the digest of the message carried.
 */
public record PowPuzzle(Bytes mixnodeId, Bytes seed, Bytes messageDigest) {
    public PowPuzzle {
        if (mixnodeId.length() != 32 || seed.length() != 32 || messageDigest.length() != 32) {
            throw new IllegalArgumentException("mixnode id, seed and message digest are 32 bytes each");
        }
    }
}
