package dev.virex.crypto.dkg;

import dev.virex.core.note.NoteSigner;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a whole DKG among participants in one process, passing the broadcast messages in memory:
 * for tests, demos and benchmarks. (The group secret is still never formed; but this process sees
 * every share, so real members run {@link DkgParticipant} each on their own machine.)
 */
public final class LocalDkg {
    private LocalDkg() {}

    /** @param identities every member's identity signer, in the configuration's member order */
    public static List<KeyShare> run(DkgConfig config, List<? extends NoteSigner> identities, SecureRandom random) throws FrostException {
        List<DkgParticipant> ps = new ArrayList<>();
        for (NoteSigner id : identities) {
            ps.add(DkgParticipant.start(config, id, random));
        }
        List<byte[]> round1 = ps.stream().map(DkgParticipant::round1).toList();
        List<byte[]> round2 = new ArrayList<>();
        for (DkgParticipant p : ps) {
            round2.add(p.round2(round1));
        }
        List<KeyShare> shares = new ArrayList<>();
        for (DkgParticipant p : ps) {
            DkgOutcome o = p.finish(round2);
            if (o instanceof DkgOutcome.Completed c) {
                shares.add(c.share());
            } else {
                DkgOutcome.Complained k = (DkgOutcome.Complained) o;
                throw new FrostException(FrostException.Kind.INVALID_SHARE, "complaints against " + k.accused(), k.accused());
            }
        }
        return shares;
    }
}
