package dev.virex.core.pow;

import java.util.Optional;

/**
 * The proof-of-work algorithms this implementation knows, by text tag (in {@link AbuseParams})
 * and by one-byte wire id (in {@link PowSolution}). New algorithms (a memory-hard one such as
 * Equi-X) get a new tag and id; the parameter text stays the same.
 */
public enum PowAlgorithm {
    /** SHA-256 with the linear effort rule of Tor's hs PoW v1 (proposal 327); see docs/spec/pow.md. */
    SHA256_V1("sha256-v1", 1);

    private final String tag;
    private final int id;

    PowAlgorithm(String tag, int id) {
        this.tag = tag;
        this.id = id;
    }

    public String tag() {
        return tag;
    }

    public int id() {
        return id;
    }

    public static Optional<PowAlgorithm> byTag(String tag) {
        for (PowAlgorithm a : values()) {
            if (a.tag.equals(tag)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<PowAlgorithm> byId(int id) {
        for (PowAlgorithm a : values()) {
            if (a.id == id) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
