package dev.virex.core.join;

import dev.virex.core.Bytes;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.util.List;
import java.util.Optional;

/**
 * Checks the proof-of-work stamp of a join request: it must be a sha256-v1 solution (Tor's linear
 * effort rule, torspec proposal 327) for the puzzle (node public key, an accepted epoch seed,
 * SHA-256 of the unstamped text), with the request's nonce and at least the federation's join
 * effort. Accepted seeds are the directory's current and previous epoch seeds.
 */
public final class JoinStamp {
    private static final Sha256Pow POW = new Sha256Pow();

    private JoinStamp() {}

    /** Empty when the stamp is good, else why not (one line). */
    public static Optional<String> problem(JoinRequest r, List<Bytes> acceptedSeeds, long minEffort) {
        PowSolution s = r.stamp();
        if (s.algorithm() != PowAlgorithm.SHA256_V1) {
            return Optional.of("stamp must use sha256-v1");
        }
        if (!s.nonce().equals(r.nonce())) {
            return Optional.of("stamp nonce must be the request nonce");
        }
        if (s.effort() < minEffort) {
            return Optional.of("stamp effort " + s.effort() + " is below the join effort " + minEffort);
        }
        Optional<Bytes> seed = acceptedSeeds.stream().filter(x -> JoinDraft.head(x) == s.seedHead()).findFirst();
        if (seed.isEmpty()) {
            return Optional.of("stamp is for an epoch seed that is neither the current nor the previous one");
        }
        // torspec proposal 327, linear effort rule: H(challenge || solution) * effort must not overflow.
        if (!POW.verify(r.puzzle(seed.get()), s)) {
            return Optional.of("stamp is not a valid solution of the request's puzzle");
        }
        return Optional.empty();
    }
}
