package dev.virex.cli.demo;

import dev.virex.client.PowSolver;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.tlog.TileFormatException;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.join.JoinDraft;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.pow.PowSolution;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.api.HttpFederationClient;
import dev.virex.federation.api.JoinStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A node operator's side of the join flow, as {@code virex node join} does it: build the join
 * request from the node's declared information, solve its proof-of-work stamp at the
 * federation's join effort for the current epoch seed, sign it with the node key and the
 * operator key, submit it to a member, follow its review, and check the receipt of the decision
 * offline (the entry under the group key, its tlog-proof under the log key).
 */
final class Joiner implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(200);

    /** A logged decision on a join request. */
    record Decided(String id, long index, boolean approved, Decision decision, JoinStatus status) {}

    private final LogWatch watch;
    private final VerifierKey group;
    private final VerifierKey logKey;
    private final PowSolver solver = new PowSolver(1);
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http;

    Joiner(LogWatch watch, VerifierKey group, VerifierKey logKey, HttpClient http) {
        this.watch = watch;
        this.http = http;
        this.group = group;
        this.logKey = logKey;
    }

    /** Submits a join request for {@code info} to {@code member}; returns the request ID. */
    String submit(URI member, SignerKey node, SignerKey operator, NodeInfo info) throws InterruptedException {
        Directory d = watch.directory();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long effort;
        try {
            effort = NetworkParams.of(d.paramsAt(now)).joinEffort();
        } catch (DecisionFormatException e) {
            throw new DemoFailure("the federation's parameters do not parse: " + e.getMessage(), e);
        }
        Bytes seed = d.epoch().orElseThrow(() -> new DemoFailure("the log has no epoch beacon yet")).seed();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        JoinDraft draft = new JoinDraft(d.federation().group().name(), now, Bytes.wrap(nonce), info);
        PowSolution stamp = solver.solveNow(draft.puzzle(seed), JoinDraft.head(seed), draft.nonce(), effort, PowSolver.Progress.NONE);
        SignedJoinRequest signed = SignedJoinRequest.sign(draft.withStamp(stamp), node.noteSigner(), operator.noteSigner());
        try {
            return api(member).submitJoin(signed.note().toArray()).id();
        } catch (FederationException e) {
            throw new DemoFailure(member + " refused the join request of " + info.id() + " (" + e.status() + "): " + e.getMessage(), e);
        }
    }

    /** Follows request {@code id} at {@code member} until it is decided and logged; checks the receipt offline. */
    Decided await(URI member, String id, Duration timeout) throws InterruptedException {
        HttpFederationClient api = api(member);
        long deadline = System.nanoTime() + timeout.toNanos();
        JoinStatus s = null;
        while (s == null || !s.decided() || s.decision() == null) {
            DemoFailure.check(System.nanoTime() < deadline, "join request " + id.substring(0, 12) + " not decided after "
                    + timeout.toSeconds() + " s" + (s == null ? "" : "; last status: " + s.message()));
            if (s != null) {
                Thread.sleep(POLL.toMillis());
            }
            try {
                s = api.joinStatus(id);
            } catch (FederationException e) {
                DemoFailure.check(e.status() == 0 || e.status() >= 500, member + " does not know join request " + id + ": " + e.getMessage());
            }
        }
        try {
            // The receipt verifies with nothing but the two vkeys (docs/spec/federation.md, "Receipt").
            VerifiedNote note = s.decision().verify(group.noteVerifier(), logKey.noteVerifier());
            return new Decided(id, s.decision().index(), JoinStatus.APPROVED.equals(s.state()), Decisions.parse(note.text()), s);
        } catch (NoteException | TileFormatException | CheckpointFormatException | ProofException | DecisionFormatException
                 | IllegalArgumentException e) {
            throw new DemoFailure("the receipt of join request " + id.substring(0, 12) + " does not verify: " + e.getMessage(), e);
        }
    }

    private HttpFederationClient api(URI member) {
        return new HttpFederationClient(member, http, Duration.ofSeconds(30));
    }

    static List<String> reasonLines(Decision d) {
        return d.text().lines().filter(l -> l.startsWith("reason ")).map(l -> l.substring("reason ".length())).toList();
    }

    @Override
    public void close() {
        solver.close();
    }
}
