package dev.virex.client;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.Ingress;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.MixnodeApi;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends messages to one mixnode the way the Abuse Prevention Flow asks: seal, solve the PoW at the
 * mixnode's suggested effort (never below its floor), submit, and on refusal do what the reason
 * says: wait out the backoff ({@link Backoff}), re-solve with the new floor or seed, or give up.
 */
public final class MixnodeClient {
    /** Limits: attempts per message and the highest effort this client will pay. */
    public record Options(int maxAttempts, long maxEffort) {
        public Options {
            if (maxAttempts < 1 || maxEffort < 1 || maxEffort > AbuseParams.MAX_EFFORT) {
                throw new IllegalArgumentException("need positive attempts and 1 <= maxEffort < 2^32");
            }
        }

        public static Options defaults() {
            return new Options(8, 1L << 24);
        }
    }

    /** What the client is doing, for progress displays. */
    public interface Listener {
        default void solving(long effort, Duration expected) {}

        default void progress(long attempts, long expected) {}

        default void rejected(RejectReason reason, Duration wait) {}

        Listener NONE = new Listener() {};
    }

    /** How a send ended. */
    public record Result(boolean accepted, int attempts, Optional<RejectReason> lastReason, long effort, Duration waited) {}

    private final MixnodeApi api;
    private final Ingress ingress;
    private final PowSolver solver;
    private final SecureRandom random;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final Options options;
    private final Listener listener;
    private PowInfo info;
    private long suggested;
    private Duration waited = Duration.ZERO;

    public MixnodeClient(MixnodeApi api, Ingress ingress, PowSolver solver, SecureRandom random, Sleeper sleeper,
                         Clock clock, Options options, Listener listener) {
        this.api = api;
        this.ingress = ingress;
        this.solver = solver;
        this.random = random;
        this.sleeper = sleeper;
        this.clock = clock;
        this.backoff = new Backoff(random);
        this.options = options;
        this.listener = listener;
    }

    public synchronized Result send(MessagePayload payload) throws IOException, InterruptedException {
        PowInfo i = info(false);
        long effort = effortFor(Math.max(suggested, i.suggestedEffort()), i);
        waited = Duration.ZERO;
        byte[] frame = null;
        Optional<RejectReason> last = Optional.empty();
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (frame == null) {
                frame = frame(payload, i, effort);
            }
            ReplyFrame r = ingress.submit(frame);
            suggested = r.suggestedEffort();
            if (r.accepted()) {
                return new Result(true, attempt, Optional.empty(), effort, waited);
            }
            RejectReason reason = r.reason().orElseThrow();
            last = Optional.of(reason);
            Duration wait = backoff.waitFor(r.retryAfter());
            listener.rejected(reason, wait);
            switch (reason) {
                case EFFORT_TOO_LOW -> {
                    i = info(true);
                    effort = effortFor(Math.max(r.suggestedEffort(), r.effortFloor()), i);
                    frame = null;
                }
                case STALE_SEED, UNKNOWN_SEED -> {
                    i = info(true);
                    effort = effortFor(Math.max(effort, i.suggestedEffort()), i);
                    frame = null;
                }
                case RATE_LIMITED, BACKOFF -> pause(wait); // the nonce was not spent: resend the frame
                case OVERLOADED -> {
                    pause(wait);
                    effort = effortFor(Math.max(effort * 2, r.suggestedEffort()), i); // bid higher, as Tor clients do
                    frame = null;
                }
                case REPLAY, INVALID_SOLUTION -> {
                    pause(wait);
                    frame = null;
                }
                default -> throw new IOException("mixnode refused the message: " + reason.label());
            }
        }
        return new Result(false, options.maxAttempts(), last, effort, waited);
    }

    private void pause(Duration d) throws InterruptedException {
        sleeper.sleep(d);
        waited = waited.plus(d);
    }

    /** The mixnode's PoW info, fetched again when asked or when its current seed has ended. */
    public synchronized PowInfo info(boolean refresh) throws IOException {
        if (info == null || refresh || !clock.instant().isBefore(info.epochSeeds().current().end())) {
            info = api.powInfo();
        }
        return info;
    }

    private long effortFor(long wanted, PowInfo i) throws IOException {
        long e = Math.max(wanted, i.effortFloor());
        if (e > options.maxEffort()) {
            throw new IOException("the mixnode asks for effort " + e + ", above this client's limit " + options.maxEffort());
        }
        return e;
    }

    private byte[] frame(MessagePayload payload, PowInfo i, long effort) throws InterruptedException {
        Bytes id = i.identityBytes();
        IngressSeal.Sealed sealed = IngressSeal.seal(i.kemKey(), id, payload, random);
        Bytes digest = SubmitFrame.messageDigest(sealed.encapsulatedKey(), sealed.ciphertext());
        EpochSeed seed = i.epochSeeds().current();
        byte[] n = new byte[PowSolution.NONCE_BYTES];
        random.nextBytes(n);
        listener.solving(effort, solver.expectedTime(effort));
        PowSolution s = solver.solveNow(new PowPuzzle(id, seed.seed(), digest), seed.head(), Bytes.wrap(n), effort,
                listener::progress);
        return new SubmitFrame(i.mixnodePrefix(), s, sealed.encapsulatedKey(), sealed.ciphertext()).encode();
    }
}
