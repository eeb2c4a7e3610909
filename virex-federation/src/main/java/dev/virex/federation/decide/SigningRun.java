package dev.virex.federation.decide;

import dev.virex.core.decision.Decision;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.CommitmentMessage;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.ShareMessage;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.federation.MemberContext;
import dev.virex.federation.wire.PeerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of signing one decision over HTTP (RFC 9591 section 5, with identifiable
 * abort, section 5.4): asks every candidate to commit (each derives and approves the decision
 * itself), sends the signing package to those who committed, verifies every share as it arrives,
 * and retries without members that refused, did not answer or sent a bad share, while at least M
 * remain. The result is the log entry: the decision with its group signature and attestation.
 */
public final class SigningRun {
    private static final Logger log = LoggerFactory.getLogger(SigningRun.class);

    /** How a run ended: the entry, or why not, naming the members that failed. */
    public record Result(byte[] entry, List<String> signers, Map<String, String> failures, String message) {
        public boolean signed() {
            return entry != null;
        }
    }

    private final MemberContext ctx;

    public SigningRun(MemberContext ctx) {
        this.ctx = ctx;
    }

    public Result run(DecisionRequest request, Decision decision, Collection<String> candidates) {
        Map<String, String> failures = new TreeMap<>();
        byte[] message = decision.text().getBytes(StandardCharsets.UTF_8);
        Coordinator coord;
        try {
            coord = new Coordinator(ctx.group(), message, candidates, ctx.random());
        } catch (FrostException e) {
            return new Result(null, List.of(), failures, e.getMessage());
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                SigningAttempt attempt = coord.attempt();
                List<String> bad = new ArrayList<>();
                String session = attempt.session().value().toBase64();
                SignerService.CommitRequest commit = new SignerService.CommitRequest(request, session);
                Map<String, byte[]> commitments = callAll(pool, attempt.invited(), "commit", dev.virex.http.Json.write(commit), failures);
                for (var e : commitments.entrySet()) {
                    try {
                        attempt.addCommitment(CommitmentMessage.parse(e.getValue()));
                    } catch (FrostException ex) {
                        failures.put(e.getKey(), "bad commitment: " + ex.getMessage());
                    }
                }
                bad.addAll(attempt.missingCommitments());
                if (attempt.invited().size() - bad.size() >= ctx.threshold()) {
                    SigningPackage pkg = attempt.signingPackage();
                    List<String> signers = pkg.signers().stream().map(id -> ctx.group().members().get(id.value() - 1).name()).toList();
                    Map<String, byte[]> shares = callAll(pool, signers, "sign", pkg.encode(), failures);
                    for (var e : shares.entrySet()) {
                        try {
                            // RFC 9591 section 5.3: each share is verified against the member's verifying share.
                            attempt.addShare(ShareMessage.parse(e.getValue()));
                        } catch (FrostException ex) {
                            failures.put(e.getKey(), "bad share message: " + ex.getMessage());
                        }
                    }
                    bad.addAll(attempt.missingShares());
                    bad.addAll(attempt.badSigners());
                    attempt.badSigners().forEach(b -> failures.put(b, "invalid signature share"));
                    if (bad.isEmpty()) {
                        SigningAttempt.Signed s = attempt.finish();
                        byte[] entry = DecisionEntry.encode(decision, ctx.group(), s.signature(), s.attestation());
                        return new Result(entry, s.attestation().signerNames(), failures, "signed by " + s.attestation().signerNames());
                    }
                }
                log.info("signing {} for {}: retrying without {}", decision.kind().wire(), request.about(), bad);
                coord.retryWithout(bad.stream().distinct().toList());
            }
        } catch (FrostException e) {
            return new Result(null, List.of(), failures, "cannot sign " + request.about() + ": " + e.getMessage());
        }
    }

    private Map<String, byte[]> callAll(ExecutorService pool, List<String> members, String kind, byte[] payload,
                                        Map<String, String> failures) {
        Map<String, Future<byte[]>> calls = new TreeMap<>();
        for (String m : members) {
            calls.put(m, pool.submit(() -> ctx.peers().call(m, kind, payload)));
        }
        Map<String, byte[]> out = new TreeMap<>();
        for (var e : calls.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get());
            } catch (java.util.concurrent.ExecutionException ex) {
                failures.put(e.getKey(), ex.getCause() instanceof PeerException p ? p.getMessage() : String.valueOf(ex.getCause()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failures.put(e.getKey(), "interrupted");
            }
        }
        return out;
    }
}
