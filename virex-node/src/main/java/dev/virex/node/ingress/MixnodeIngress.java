package dev.virex.node.ingress;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.FrameException;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.PowSolution;
import dev.virex.node.gate.EffortController;
import dev.virex.node.gate.EffortQueue;
import dev.virex.node.gate.GateState;
import dev.virex.node.gate.IngressGate;
import dev.virex.node.gate.IngressStats;
import dev.virex.node.gate.RateLimiter;
import dev.virex.node.gate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingress pipeline: the gate decides on the caller's thread; passed frames wait in the
 * effort-ordered queue; worker threads open them, drop cover messages (counted in aggregate only)
 * and hand real ones to the sink. Every frame gets exactly one reply.
 */
public final class MixnodeIngress implements IngressService, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MixnodeIngress.class);

    private static final class Pending {
        final byte[] frame;
        final CompletableFuture<ReplyFrame> reply = new CompletableFuture<>();

        Pending(byte[] frame) {
            this.frame = frame;
        }
    }

    private final IngressGate gate;
    private final EffortQueue<Pending> queue;
    private final EffortController controller;
    private final IngressStats stats;
    private final IngressSeal.OpeningKey key;
    private final MessageSink sink;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    public MixnodeIngress(IngressGate gate, EffortQueue<?> queue, EffortController controller, IngressStats stats,
                          IngressSeal.OpeningKey key, MessageSink sink, int workerCount) {
        this.gate = gate;
        @SuppressWarnings("unchecked")
        EffortQueue<Pending> q = (EffortQueue<Pending>) queue;
        this.queue = q;
        this.controller = controller;
        this.stats = stats;
        this.key = key;
        this.sink = sink;
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "virex-ingress-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    @Override
    public CompletableFuture<ReplyFrame> submit(byte[] frame, byte[] clientIdentity) {
        Verdict v = gate.check(frame, clientIdentity);
        if (v instanceof Verdict.Reject r) {
            stats.rejected(r.reason());
            return CompletableFuture.completedFuture(reply(frame, Optional.of(r.reason()), r.retryAfterNanos()));
        }
        Verdict.Pass pass = (Verdict.Pass) v;
        Pending p = new Pending(frame);
        EffortQueue.Offer<Pending> offer = queue.offer(pass.effort(), p);
        controller.enqueued(pass.effort(), queue.snapshot().size());
        offer.dropped().ifPresent(d -> {
            controller.trimmed(d.effort());
            stats.rejected(RejectReason.OVERLOADED);
            GateState s = gate.state(gate.clock().instant());
            d.value().reply.complete(reply(d.value().frame, Optional.of(RejectReason.OVERLOADED),
                    s.policy().backoffBase() * RateLimiter.TICK_NANOS));
        });
        return p.reply;
    }

    /** The suggested effort now, as published to clients. */
    public long suggestedEffort() {
        Instant now = gate.clock().instant();
        return controller.suggested(now, gate.state(now).view().params(), queue.snapshot());
    }

    public IngressStats stats() {
        return stats;
    }

    public IngressGate gate() {
        return gate;
    }

    private void work() {
        while (true) {
            Optional<EffortQueue.Entry<Pending>> e;
            try {
                e = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (e.isEmpty()) {
                if (!running) {
                    return;
                }
                continue;
            }
            process(e.get().value());
        }
    }

    private void process(Pending p) {
        Optional<RejectReason> outcome = Optional.empty();
        try {
            MessagePayload m = key.open(Bytes.of(p.frame, SubmitFrame.OFF_SEALED, SubmitFrame.ENC_BYTES),
                    Bytes.of(p.frame, SubmitFrame.OFF_SEALED + SubmitFrame.ENC_BYTES, SubmitFrame.CIPHERTEXT_BYTES));
            if (!m.cover()) {
                sink.deliver(m.body());
            }
            stats.accepted(m.cover());
            controller.handled();
        } catch (FrameException e) {
            outcome = Optional.of(RejectReason.UNDECRYPTABLE);
            stats.rejected(RejectReason.UNDECRYPTABLE);
        } catch (RuntimeException e) {
            log.error("ingress: message sink failed", e);
            outcome = Optional.of(RejectReason.OVERLOADED);
            stats.rejected(RejectReason.OVERLOADED);
        }
        p.reply.complete(reply(p.frame, outcome, 0));
    }

    private ReplyFrame reply(byte[] frame, Optional<RejectReason> reason, long retryNanos) {
        Instant now = gate.clock().instant();
        GateState s = gate.state(now);
        long suggested = controller.suggested(now, s.view().params(), queue.snapshot());
        int off = SubmitFrame.OFF_POW + PowSolution.OFF_NONCE;
        Bytes nonce = frame.length >= off + 16 ? Bytes.of(frame, off, 16) : Bytes.wrap(new byte[16]);
        Duration retry = Duration.ofNanos(Math.min(retryNanos, ReplyFrame.MAX_RETRY_MS * 1_000_000L));
        if (retryNanos > 0 && retry.toMillis() == 0) {
            retry = Duration.ofMillis(1);
        } else if (retry.toNanos() % 1_000_000 != 0) {
            retry = Duration.ofMillis(retry.toMillis() + 1); // round up: never tell a client to come back early
        }
        return new ReplyFrame(reason, nonce, retry, suggested, s.view().params().effortFloor(), s.seeds().current().head());
    }

    @Override
    public void close() {
        running = false;
        queue.close();
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
