package dev.virex.federation.api;

import dev.virex.core.Bytes;

/**
 * The answer of {@code GET /directory}: the latest directory snapshot decision (log index, entry
 * bytes in base64), the directory text it hashes, and a C2SP tlog-proof of the entry at that
 * index, so that a node or client bootstraps without replaying the log: verify the entry under the
 * federation key, the proof under the log key, and that SHA-256 of the text is the snapshot's digest.
 */
public record DirectoryAnswer(long index, String entry, String directory, String proof) {
    public DirectoryAnswer {
        if (index < 0 || entry == null || directory == null || proof == null) {
            throw new IllegalArgumentException("index, entry, directory and proof are required");
        }
    }

    public Receipt receipt() {
        return new Receipt(index, entry, proof);
    }

    public Bytes entryBytes() {
        return receipt().entryBytes();
    }
}
