package dev.virex.node.gate;

import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsView;
import dev.virex.core.pow.PowAlgorithm;
import java.time.Instant;

/**
 * What the gate checks against during one stretch of time: the parameters in force (until the next
 * activation), the accepted seeds (until the epoch ends), and the limiter policy derived from the
 * parameters. Immutable; the seed bytes are kept as arrays for the hot path and never handed out.
 */
public final class GateState {
    private final ParamsView view;
    private final EpochSeeds seeds;
    private final byte[] currentSeed;
    private final byte[] previousSeed;
    private final RateLimiter.Policy policy;
    private final boolean algorithmSupported;

    GateState(ParamsView view, EpochSeeds seeds) {
        this.view = view;
        this.seeds = seeds;
        this.currentSeed = seeds.current().seed().toArray();
        this.previousSeed = seeds.previous().map(p -> p.seed().toArray()).orElse(null);
        this.policy = RateLimiter.Policy.of(view.params());
        this.algorithmSupported = PowAlgorithm.SHA256_V1.tag().equals(view.params().powAlgorithm());
    }

    public ParamsView view() {
        return view;
    }

    public EpochSeeds seeds() {
        return seeds;
    }

    public RateLimiter.Policy policy() {
        return policy;
    }

    boolean algorithmSupported() {
        return algorithmSupported;
    }

    boolean covers(Instant now) {
        EpochSeed c = seeds.current();
        return view.covers(now) && !now.isBefore(c.start()) && now.isBefore(c.end());
    }

    byte[] seedBytes(EpochSeed s) {
        return s.epoch() == seeds.current().epoch() ? currentSeed : previousSeed;
    }
}
