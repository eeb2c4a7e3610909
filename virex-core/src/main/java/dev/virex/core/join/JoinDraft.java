package dev.virex.core.join;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A join request before its stamp: everything the stamp's puzzle digests. Solve the puzzle (with
 * {@link #solve} here, or a multi-threaded solver on {@link #puzzle}), then {@link #withStamp}.
 */
public record JoinDraft(String federation, Instant time, Bytes nonce, NodeInfo node) {
    /** The solution search of {@link #solve} gives up after this many multiples of the effort. */
    static final long MAX_ATTEMPT_FACTOR = 64;

    public JoinDraft {
        // The record checks of JoinRequest, with a placeholder stamp.
        new JoinRequest(federation, time, nonce, node, placeholder(nonce));
    }

    public String unstampedText() {
        return new JoinRequest(federation, time, nonce, node, placeholder(nonce)).unstampedText();
    }

    public Bytes stampDigest() {
        return JoinRequest.sha256(unstampedText());
    }

    public PowPuzzle puzzle(Bytes seed) {
        return JoinRequest.puzzle(node, seed, stampDigest());
    }

    public JoinRequest withStamp(PowSolution stamp) {
        return new JoinRequest(federation, time, nonce, node, stamp);
    }

    /**
     * Solves the stamp on the calling thread (expected {@code effort} hashes) for {@code seed}.
     * The stamp's nonce is the request's nonce.
     */
    public JoinRequest solve(Bytes seed, long effort) {
        PowPuzzle p = puzzle(seed);
        long budget = Math.multiplyExact(Math.max(effort, 1024), MAX_ATTEMPT_FACTOR);
        OptionalLong hit = Sha256Pow.search(p, nonce, effort, 0, 0, budget);
        if (hit.isEmpty()) {
            throw new IllegalStateException("no PoW solution within " + budget + " attempts");
        }
        return withStamp(new PowSolution(PowAlgorithm.SHA256_V1, head(seed), nonce, effort, Sha256Pow.solution(0, hit.getAsLong())));
    }

    /** The first 8 bytes of a seed, big-endian: how a solution names its seed. */
    public static long head(Bytes seed) {
        return ByteBuffer.wrap(seed.toArray(), 0, 8).getLong();
    }

    private static PowSolution placeholder(Bytes nonce) {
        return new PowSolution(PowAlgorithm.SHA256_V1, 0, nonce.length() == JoinRequest.NONCE_BYTES ? nonce : Bytes.wrap(new byte[16]),
                AbuseParams.MAX_EFFORT, Bytes.wrap(new byte[PowSolution.SOLUTION_BYTES]));
    }
}
