package dev.virex.auditor;

import dev.virex.auditor.check.EntryAudit;
import dev.virex.auditor.config.Limits;
import dev.virex.auditor.config.Rules;
import dev.virex.auditor.enforce.EnforcementCheck;
import dev.virex.auditor.enforce.MixnodeReader;
import dev.virex.auditor.gossip.GossipMessage;
import dev.virex.auditor.gossip.GossipPeer;
import dev.virex.auditor.gossip.SplitViewWatch;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.FoldException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.witness.WitnessApi;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import dev.virex.log.client.LogFollower;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An auditor of one VIREX log: follows it from genesis with the {@link LogFollower} (every
 * checkpoint's signature and consistency checked), verifies and folds every entry
 * ({@link EntryAudit}), checks each checkpoint's witness quorum against its policy, gossips
 * checkpoints with other auditors and witnesses to catch split views ({@link SplitViewWatch}), and
 * checks the mixnodes' enforcement ({@link EnforcementCheck}); results go to an {@link AuditSink}.
 * The audit methods are called from one thread; {@link #exchange} (gossip from peers) from any.
 */
public final class Auditor implements GossipPeer {
    private static final Logger log = LoggerFactory.getLogger(Auditor.class);
    /** Batches handed out per {@link #poll}, so that a fast-growing log still returns control. */
    static final int MAX_BATCHES_PER_POLL = 100_000;

    /** What to audit and by which rules. */
    public record Setup(LogReader log, String origin, NoteVerifier logKey, VerifierKey federation, Optional<TlogPolicy> witnessPolicy,
                        Limits limits, Rules rules) {}

    /** Progress over entries, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void entries(long done, long total);
    }

    private record Received(Bytes checkpoint, String from) {}

    private final Setup setup;
    private final AuditSink sink;
    private final LogFollower follower;
    private final EntryAudit entries;
    private final SplitViewWatch watch;
    private final ConcurrentLinkedQueue<Received> inbox = new ConcurrentLinkedQueue<>();
    /** The last enforcement report interval checked per mixnode, so that every interval is checked once its report is out. */
    private final Map<String, Long> enforced = new ConcurrentHashMap<>();
    private volatile SignedCheckpoint verified;
    private volatile String halted;
    private volatile String trouble;
    private long noticed = -1;

    public Auditor(Setup setup, AuditSink sink) {
        this.setup = setup;
        this.sink = sink;
        this.follower = LogFollower.fromStart(setup.log(), setup.origin(), setup.logKey(), 4096);
        this.entries = new EntryAudit(setup.federation(), setup.limits(), setup.rules(), sink);
        this.watch = new SplitViewWatch(setup.origin(), setup.logKey(), sink);
    }

    /** Why the audit stopped (a split view, an entry nobody can fold), or empty while it runs. */
    public Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /** Why the last poll could not read or verify the log (retried at the next), or empty. */
    public Optional<String> trouble() {
        return Optional.ofNullable(trouble);
    }

    /** The latest checkpoint verified with all its entries. */
    public Optional<SignedCheckpoint> verified() {
        return Optional.ofNullable(verified);
    }

    public long entriesVerified() {
        return entries.size();
    }

    /**
     * Follows the log to its current checkpoint, verifying every new entry, then handles the
     * checkpoints gossip brought in. Network trouble is logged and retried at the next poll.
     *
     * @return the entries verified by this call
     */
    public long poll(Progress progress) {
        long before = entries.size();
        if (halted == null) {
            try {
                follow(progress);
                trouble = null;
            } catch (SplitViewException e) {
                splitView(e, "the log itself");
                halt("the log showed two inconsistent checkpoints: " + e.getMessage());
            } catch (FoldException e) {
                halt("entry " + e.index() + " cannot be folded: " + e.getMessage());
            } catch (LogVerificationException e) {
                trouble = "the log served data that does not verify: " + e.getMessage();
                log.debug("{}", trouble);
            } catch (IOException | LogException e) {
                trouble = "cannot read the log: " + e.getMessage();
                log.debug("{}", trouble);
            }
        }
        for (Received r; (r = inbox.poll()) != null; ) {
            watch.offer(r.checkpoint(), r.from(), follower);
        }
        watch.recheck(follower);
        return entries.size() - before;
    }

    private void follow(Progress progress) throws IOException, LogException, LogVerificationException, SplitViewException, FoldException {
        for (int i = 0; i < MAX_BATCHES_PER_POLL; i++) {
            Optional<LogFollower.Batch> b = follower.next();
            if (b.isEmpty()) {
                follower.checkpoint().ifPresent(this::caughtUp);
                return;
            }
            long total = b.get().checkpoint().checkpoint().size();
            try {
                for (Bytes e : b.get().entries()) {
                    entries.apply(e);
                    progress.entries(entries.size(), total);
                }
            } finally {
                entries.flush();
            }
            if (b.get().endIndex() == total) {
                caughtUp(b.get().checkpoint());
            }
        }
    }

    /** Every entry of {@code cp} is verified: check its witnesses and publish it. */
    private void caughtUp(SignedCheckpoint cp) {
        verified = cp;
        long size = cp.checkpoint().size();
        if (size == noticed || entries.size() != size) {
            return;
        }
        noticed = size;
        List<String> cosigners = List.of();
        if (setup.witnessPolicy().isPresent()) {
            TlogPolicy policy = setup.witnessPolicy().get();
            try {
                WitnessedCheckpoint w = WitnessedCheckpoint.open(cp.raw().toArray(), setup.origin(), setup.logKey(), policy);
                cosigners = w.cosigners().stream().map(n -> policy.witnesses().get(n).key().name()).sorted().distinct().toList();
                if (!w.quorumMet()) {
                    sink.finding(Finding.of("quorum-missing", Finding.Severity.VIOLATION, "the log published " + w.describe(),
                            List.of(), List.of(new Finding.Evidence("checkpoint", cp.raw()))));
                }
            } catch (NoteException | CheckpointFormatException e) {
                log.warn("cannot evaluate the witness quorum of checkpoint {}: {}", size, e.getMessage());
            }
        }
        entries.directory().ifPresent(sink::directory);
        sink.checkpoint(new CheckpointSeen(setup.origin(), size, cp.checkpoint().rootHash(), cosigners,
                entries.directory().map(d -> d.digest())));
    }

    private void splitView(SplitViewException e, String where) {
        sink.finding(Finding.of("split-view", Finding.Severity.VIOLATION, "log " + setup.origin() + " signed inconsistent checkpoints of sizes "
                        + e.first().checkpoint().size() + " and " + e.second().checkpoint().size() + " (seen at " + where + ")", List.of(),
                List.of(new Finding.Evidence("checkpoint", e.first().raw()), new Finding.Evidence("checkpoint", e.second().raw()))));
    }

    private void halt(String reason) {
        halted = reason;
        log.error("audit of {} halted: {}", setup.origin(), reason);
    }

    /** Exchanges checkpoints with other auditors and reads the witnesses' latest; checked at the next poll. */
    public void gossip(Map<String, GossipPeer> peers, Map<String, WitnessApi> witnesses) {
        GossipMessage ours = ours();
        peers.forEach((name, peer) -> {
            try {
                peer.exchange(ours).checkpoints().forEach(c -> inbox.add(new Received(c, name)));
            } catch (IOException e) {
                log.info("gossip with {} failed: {}", name, e.getMessage());
            }
        });
        witnesses.forEach((name, w) -> {
            try {
                w.latestCheckpoint(setup.origin()).ifPresent(c -> inbox.add(new Received(c, "witness " + name)));
            } catch (IOException e) {
                log.info("reading the checkpoint of witness {} failed: {}", name, e.getMessage());
            }
        });
    }

    /** {@code POST /gossip}: keeps the peer's checkpoints for checking, answers this auditor's latest. */
    @Override
    public GossipMessage exchange(GossipMessage theirs) {
        if (inbox.size() < 1024) {
            theirs.checkpoints().forEach(c -> inbox.add(new Received(c, "a peer")));
        }
        return ours();
    }

    private GossipMessage ours() {
        SignedCheckpoint cp = verified;
        return new GossipMessage(cp == null ? List.of() : List.of(cp.raw()));
    }

    /** Checks every admitted mixnode's enforcement against the parameters in force. */
    public void checkEnforcement(Function<AdmittedNode, MixnodeReader> readers, Instant now) {
        entries.directory().ifPresent(d -> new EnforcementCheck(readers, setup.limits(), sink, enforced).run(d, now));
    }
}
