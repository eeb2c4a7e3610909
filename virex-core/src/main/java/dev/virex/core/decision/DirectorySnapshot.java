package dev.virex.core.decision;

import dev.virex.core.Bytes;

/**
 * A checkpoint of the network state: the SHA-256 of the canonical directory text
 * ({@link Directory#text()}) obtained by folding log entries {@code [0, logSize)}. The full
 * directory is served by members and verified against this digest, so a node or client can start
 * from the latest snapshot instead of replaying the log from genesis.
 */
public record DirectorySnapshot(Header header, long logSize, Bytes digest, int nodes) implements Decision {
    public DirectorySnapshot {
        Decisions.requireKind(header, DecisionKind.DIRECTORY);
        Decisions.requireHash(digest, "digest");
        if (logSize < 1 || nodes < 0) {
            throw new IllegalArgumentException("a snapshot covers at least the genesis entry");
        }
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(256);
        header.write(sb);
        sb.append("log-size ").append(logSize).append('\n')
                .append("digest ").append(digest.toHex()).append('\n')
                .append("nodes ").append(nodes).append('\n');
        return sb.toString();
    }

    static DirectorySnapshot read(Header h, Lines in) throws DecisionFormatException {
        long size = Lines.number(in.expect("log-size"), 1, Long.MAX_VALUE, "log-size");
        Bytes digest = Decisions.hash(in.expect("digest"), "digest");
        int nodes = (int) Lines.number(in.expect("nodes"), 0, Integer.MAX_VALUE, "nodes");
        in.end();
        return Decisions.build(() -> new DirectorySnapshot(h, size, digest, nodes));
    }
}
