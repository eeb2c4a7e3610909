package dev.virex.cli.demo;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * Submit frames built by hand, for the scenario's own senders (the attacker, a client still
 * paying the old effort): sealed to the mixnode, bound to its current seed, with a PoW that
 * really solves the puzzle at the given effort (docs/spec/pow.md, "PoW scheme sha256-v1").
 */
final class Frames {
    private Frames() {}

    static byte[] solved(PowInfo info, long effort, String body, SecureRandom random) {
        IngressSeal.Sealed s = IngressSeal.seal(info.kemKey(), info.identityBytes(), MessagePayload.real(Bytes.wrap(body.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))), random);
        EpochSeed seed = info.epochSeeds().current();
        byte[] nonce = new byte[PowSolution.NONCE_BYTES];
        random.nextBytes(nonce);
        PowPuzzle puzzle = new PowPuzzle(info.identityBytes(), seed.seed(), SubmitFrame.messageDigest(s.encapsulatedKey(), s.ciphertext()));
        OptionalLong hit = Sha256Pow.search(puzzle, Bytes.wrap(nonce), effort, 0, 0, Math.max(1 << 16, effort * 64));
        if (hit.isEmpty()) {
            throw new IllegalStateException("no PoW solution at effort " + effort + " within its budget");
        }
        PowSolution sol = new PowSolution(PowAlgorithm.SHA256_V1, seed.head(), Bytes.wrap(nonce), effort, Sha256Pow.solution(0, hit.getAsLong()));
        return new SubmitFrame(info.mixnodePrefix(), sol, s.encapsulatedKey(), s.ciphertext()).encode();
    }
}
