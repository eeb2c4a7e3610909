package dev.virex.node.gate;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.FrameException;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.LinearEffort;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.ParamsView;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;

/**
 * The mixnode's admission check for one submit frame, cheapest checks first (docs/spec/pow.md,
 * "The gate"): frame header, the client's pending backoff, algorithm, target mixnode, seed head
 * (current or previous; stale or unknown otherwise), effort floor; then the PoW hash (proposal 327
 * linear rule); then the client's rate limit; then the replay memory, last so that only frames
 * that cost their sender a solution and a token can fill it. Invalid solutions and replays count
 * as violations and escalate the sender's backoff.
 */
public final class IngressGate {
    private final Bytes mixnodeId;
    private final byte[] id;
    private final long idPrefix;
    private final ParamsSource paramsSource;
    private final EpochSeedSource seedSource;
    private final Clock clock;
    private final RateLimiter limiter;
    private final ReplayCache replay;
    private final ClientKeys keys;
    private final StaleSeeds stale = new StaleSeeds();
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
    private volatile GateState state;
    private volatile LinearEffort lastRule = LinearEffort.of(1);

    private static final class Work {
        final Sha256Pow.Checker checker = new Sha256Pow.Checker();
        final MessageDigest sha;
        final byte[] digest = new byte[32];

        Work() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public IngressGate(Bytes mixnodeId, ParamsSource params, EpochSeedSource seeds, Clock clock,
                       RateLimiter limiter, ReplayCache replay, ClientKeys keys) {
        if (mixnodeId.length() != 32) {
            throw new IllegalArgumentException("mixnode id is 32 bytes");
        }
        this.mixnodeId = mixnodeId;
        this.id = mixnodeId.toArray();
        this.idPrefix = ByteBuffer.wrap(id).getLong();
        this.paramsSource = params;
        this.seedSource = seeds;
        this.clock = clock;
        this.limiter = limiter;
        this.replay = replay;
        this.keys = keys;
    }

    public Bytes mixnodeId() {
        return mixnodeId;
    }

    public Clock clock() {
        return clock;
    }

    /** Parameters, seeds and limiter policy at {@code now}, refreshed at activations and epoch changes. */
    public GateState state(Instant now) {
        GateState s = state;
        if (s != null && s.covers(now)) {
            return s;
        }
        synchronized (this) {
            s = state;
            if (s != null && s.covers(now)) {
                return s;
            }
            ParamsView view = paramsSource.at(now);
            EpochSeeds seeds = seedSource.at(now);
            if (s != null) {
                stale.retire(s.seeds(), seeds);
            }
            if (keys.rotate(seeds.current().epoch())) {
                limiter.clear(nanos(now)); // new epoch, new secret: old limiter state is unlinkable
            }
            s = new GateState(view, seeds);
            state = s;
            return s;
        }
    }

    /**
     * Forgets the cached parameters and seeds, so that the next frame reads them again from the
     * sources: called when the log brought a new parameter change or epoch before the cached
     * stretch ended.
     */
    public void refresh() {
        synchronized (this) {
            state = null;
        }
    }

    public Verdict check(byte[] f, byte[] clientIdentity) {
        Instant now = clock.instant();
        long nowNanos = nanos(now);
        GateState s = state(now);
        try {
            SubmitFrame.checkHeader(f);
        } catch (FrameException e) {
            return reject(RejectReason.MALFORMED, 0);
        }
        long key = keys.keyOf(clientIdentity);
        long wait = limiter.backoff(key, nowNanos, s.policy());
        if (wait > 0) {
            return reject(RejectReason.BACKOFF, wait);
        }
        int pow = SubmitFrame.OFF_POW;
        if ((f[pow] & 0xff) != PowAlgorithm.SHA256_V1.id() || !s.algorithmSupported()) {
            return reject(RejectReason.UNSUPPORTED_ALGORITHM, 0);
        }
        if (ByteBuffer.wrap(f, SubmitFrame.OFF_PREFIX, 8).getLong() != idPrefix) {
            return reject(RejectReason.WRONG_MIXNODE, 0);
        }
        // hspow-spec v1: the seed head picks the current or previous seed; other seeds are refused
        long head = ByteBuffer.wrap(f, pow + PowSolution.OFF_SEED_HEAD, 8).getLong();
        EpochSeed seed = s.seeds().byHead(head).orElse(null);
        if (seed == null) {
            return reject(stale.contains(head) ? RejectReason.STALE_SEED : RejectReason.UNKNOWN_SEED, 0);
        }
        long effort = Integer.toUnsignedLong(ByteBuffer.wrap(f, pow + PowSolution.OFF_EFFORT, 4).getInt());
        if (effort < s.view().params().effortFloor()) {
            return reject(RejectReason.EFFORT_TOO_LOW, 0);
        }
        Work w = work.get();
        SubmitFrame.messageDigest(f, w.sha, w.digest);
        // torspec proposal 327 / hspow-spec v1 verification: hash the challenge and solution, valid iff H x E fits
        if (!w.checker.check(id, s.seedBytes(seed), w.digest, f, pow, rule(effort))) {
            return reject(RejectReason.INVALID_SOLUTION, limiter.penalize(key, nowNanos, s.policy()));
        }
        RateLimiter.Outcome o = limiter.acquire(key, nowNanos, s.policy());
        if (!o.accepted()) {
            return reject(o.inBackoff() ? RejectReason.BACKOFF : RejectReason.RATE_LIMITED, o.retryAfterNanos());
        }
        // hspow-spec v1 replay protection: a (seed, nonce) pair is used once while the seed is accepted
        return switch (replay.firstUse(seed.epoch(), f, pow + PowSolution.OFF_NONCE)) {
            case FRESH -> new Verdict.Pass(effort, seed.epoch());
            case REPLAY -> reject(RejectReason.REPLAY, limiter.penalize(key, nowNanos, s.policy()));
            case FULL -> reject(RejectReason.OVERLOADED, s.policy().backoffBase() * RateLimiter.TICK_NANOS);
        };
    }

    private LinearEffort rule(long effort) {
        LinearEffort r = lastRule;
        if (r.effort() != effort) {
            r = LinearEffort.of(effort);
            lastRule = r;
        }
        return r;
    }

    private static Verdict reject(RejectReason reason, long retryNanos) {
        return new Verdict.Reject(reason, retryNanos);
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
