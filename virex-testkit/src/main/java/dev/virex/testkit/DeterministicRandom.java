package dev.virex.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A repeatable {@link SecureRandom} for tests: SHA-256 in counter mode over a label. Never use
 * outside tests; it exists so that a failing test replays exactly.
 */
public final class DeterministicRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] seed;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    public DeterministicRandom(String label) {
        super(new byte[0]);
        this.seed = label.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == block.length) {
                block = next();
                used = 0;
            }
            out[i] = block[used++];
        }
    }

    @Override
    public void setSeed(byte[] ignored) {
        // Deterministic by construction: reseeding is ignored.
    }

    @Override
    public void setSeed(long ignored) {
        // Deterministic by construction: reseeding is ignored.
    }

    private byte[] next() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            for (int s = 56; s >= 0; s -= 8) {
                sha.update((byte) (counter >>> s));
            }
            counter++;
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
