package dev.virex.log.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.tlog.TileFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of the log's control endpoints (beyond tlog-tiles, which is binary and text):
 * proofs with base64 hashes, and the answer to {@code POST /add}. Parsing is strict: canonical
 * base64, 32-byte hashes, at most {@link InclusionProof#MAX_HASHES} of them.
 */
public final class LogJson {
    private LogJson() {}

    /** {@code GET /proof/inclusion}: the audit path of entry {@code index} in the tree of {@code size}. */
    public record Inclusion(long index, long size, List<String> hashes) {}

    /** {@code GET /proof/consistency}: from the tree of {@code size1} entries to that of {@code size2}. */
    public record Consistency(long size1, long size2, List<String> hashes) {}

    /** {@code POST /add}: the entry's index, whether it was already logged, and its tlog-proof receipt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Added(long index, boolean duplicate, String receipt) {}

    public static Inclusion of(InclusionProof p) {
        return new Inclusion(p.index(), p.size(), encode(p.hashes()));
    }

    public static Consistency of(ConsistencyProof p) {
        return new Consistency(p.size1(), p.size2(), encode(p.hashes()));
    }

    public static InclusionProof parse(Inclusion j) throws TileFormatException {
        try {
            return new InclusionProof(j.index(), j.size(), decode(j.hashes()));
        } catch (IllegalArgumentException e) {
            throw new TileFormatException("invalid inclusion proof: " + e.getMessage());
        }
    }

    public static ConsistencyProof parse(Consistency j) throws TileFormatException {
        try {
            return new ConsistencyProof(j.size1(), j.size2(), decode(j.hashes()));
        } catch (IllegalArgumentException e) {
            throw new TileFormatException("invalid consistency proof: " + e.getMessage());
        }
    }

    private static List<String> encode(List<Bytes> hashes) {
        return hashes.stream().map(Bytes::toBase64).toList();
    }

    private static List<Bytes> decode(List<String> hashes) throws TileFormatException {
        if (hashes == null) {
            throw new TileFormatException("proof has no hashes field");
        }
        if (hashes.size() > InclusionProof.MAX_HASHES) {
            throw new TileFormatException("proof has more than " + InclusionProof.MAX_HASHES + " hashes");
        }
        List<Bytes> out = new ArrayList<>(hashes.size());
        for (String h : hashes) {
            byte[] b = h == null ? null : Base64s.decodeCanonical(h).orElse(null);
            if (b == null || b.length != MerkleHash.BYTES) {
                throw new TileFormatException("proof hashes must be canonical base64 of 32 bytes");
            }
            out.add(Bytes.wrap(b));
        }
        return out;
    }
}
