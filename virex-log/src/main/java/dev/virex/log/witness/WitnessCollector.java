package dev.virex.log.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.witness.WitnessApi;
import dev.virex.log.server.CosignStep;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The log's side of C2SP tlog-witness: asks every witness of its tlog-policy (those with a URL) in
 * parallel to cosign each new checkpoint, each from the size that witness last cosigned (see
 * {@link WitnessLink}), and returns the checkpoint with the cosignatures appended once the policy's
 * quorum is met (C2SP tlog-policy). Once the quorum is met, slower witnesses get {@code grace} more
 * to answer; the whole attempt ends after {@code timeout}. A required step: the log publishes only
 * what this returns, and keeps the previous checkpoint published while it fails.
 */
public final class WitnessCollector implements CosignStep {
    private final TlogPolicy policy;
    private final List<WitnessLink> links;
    private final Duration timeout;
    private final Duration grace;

    /**
     * @param witnesses the policy's witnesses to ask, by their policy name
     * @throws IllegalArgumentException if a name is not a witness of the policy, or if the quorum
     *     cannot be met even with every witness given answering
     */
    public WitnessCollector(TlogPolicy policy, Map<String, WitnessApi> witnesses, Duration timeout, Duration grace) {
        this.policy = policy;
        this.timeout = timeout;
        this.grace = grace;
        List<WitnessLink> ls = new ArrayList<>();
        for (Map.Entry<String, WitnessApi> e : new TreeMap<>(witnesses).entrySet()) {
            TlogPolicy.Witness w = policy.witnesses().get(e.getKey());
            if (w == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a witness of the policy");
            }
            ls.add(new WitnessLink(w, e.getValue()));
        }
        this.links = List.copyOf(ls);
        if (!policy.satisfiedBy(witnesses.keySet())) {
            throw new IllegalArgumentException("the policy's quorum cannot be met by the witnesses it gives URLs for: "
                    + String.join(", ", witnesses.keySet()));
        }
    }

    /** A collector for every witness of {@code policy} that has a URL, over HTTP. */
    public static WitnessCollector overHttp(TlogPolicy policy, Duration timeout, Duration grace) {
        return overHttp(policy, dev.virex.http.HttpClients.newClient(), timeout, grace);
    }

    /** A collector for every witness of {@code policy} that has a URL, with {@code client} (its TLS trust). */
    public static WitnessCollector overHttp(TlogPolicy policy, java.net.http.HttpClient client, Duration timeout, Duration grace) {
        Map<String, WitnessApi> apis = new LinkedHashMap<>();
        for (TlogPolicy.Witness w : policy.witnesses().values()) {
            w.url().ifPresent(u -> apis.put(w.name(), new HttpWitnessClient(java.net.URI.create(u), client, timeout)));
        }
        return new WitnessCollector(policy, apis, timeout, grace);
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Bytes cosign(SignedCheckpoint signed) throws IOException {
        throw new IOException("witnesses need consistency proofs from the log");
    }

    @Override
    public Bytes cosign(SignedCheckpoint signed, Proofs proofs) throws IOException {
        Map<String, NoteSignature> got = new TreeMap<>();
        Map<String, String> failed = new TreeMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutorCompletionService<WitnessLink.Answer> done = new ExecutorCompletionService<>(pool);
            for (WitnessLink l : links) {
                done.submit(() -> l.ask(signed, proofs));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int answered = 0; answered < links.size(); answered++) {
                long left = deadline - System.nanoTime();
                if (policy.satisfiedBy(got.keySet())) {
                    left = Math.min(left, grace.toNanos());
                }
                Future<WitnessLink.Answer> f = done.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (f == null) {
                    break;
                }
                WitnessLink.Answer a = f.resultNow();
                a.cosignature().ifPresentOrElse(s -> got.put(a.witness(), s), () -> failed.put(a.witness(), a.failure()));
            }
            pool.shutdownNow(); // stragglers past the deadline or grace are abandoned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while collecting cosignatures", e);
        }
        long size = signed.checkpoint().size();
        if (!policy.satisfiedBy(got.keySet())) {
            links.stream().map(l -> l.name()).filter(n -> !got.containsKey(n) && !failed.containsKey(n))
                    .forEach(n -> failed.put(n, "no answer within " + timeout.toMillis() + " ms"));
            throw new IOException("witness quorum not met for tree size " + size + ": cosigned by "
                    + (got.isEmpty() ? "none" : String.join(", ", got.keySet())) + "; " + describe(failed));
        }
        List<NoteSignature> sigs = new ArrayList<>(signed.note().verified());
        sigs.addAll(got.values());
        return Bytes.wrap(new Note(signed.note().text(), sigs).encode());
    }

    private static String describe(Map<String, String> failed) {
        List<String> parts = new ArrayList<>();
        failed.forEach((w, why) -> parts.add(w + ": " + why));
        return parts.isEmpty() ? "no failures" : String.join("; ", parts);
    }
}
