package dev.virex.federation.dkg;

import dev.virex.core.Base64s;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.DkgJudge;
import dev.virex.crypto.dkg.DkgOutcome;
import dev.virex.crypto.dkg.DkgParticipant;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.federation.config.Roster;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's distributed key generation over HTTP (docs/spec/federation.md, "DKG"): it serves
 * its signed round notes and its status at {@code GET /dkg/round1}, {@code /dkg/round2},
 * {@code /dkg/status}, collects the other members' with bounded retries, runs
 * {@link DkgParticipant}, and accepts the key share only once every member reports the same group.
 * A complaint, its own or another member's, is judged with {@link DkgJudge} and the culprit named.
 * DKG state is not persisted: a run that fails is rerun with a new session.
 */
public final class DkgNode {
    private static final Logger log = LoggerFactory.getLogger(DkgNode.class);

    private final DkgConfig config;
    private final Roster roster;
    private final String self;
    private final DkgParticipant participant;
    private final DkgPeers peers;
    private final Duration poll;
    private final byte[] round1;
    private final Map<String, byte[]> round1s = new LinkedHashMap<>();
    private final Map<String, byte[]> round2s = new LinkedHashMap<>();
    private volatile byte[] round2;
    private volatile DkgStatus status = new DkgStatus(DkgStatus.ROUND1, null, List.of(), null);

    public DkgNode(Roster roster, SignerKey identity, SecureRandom random, Duration poll) throws FrostException {
        this(roster, identity, random, poll, HttpClients.newClient());
    }

    /** A DKG node fetching the other members' round notes with {@code client} (its TLS trust). */
    public DkgNode(Roster roster, SignerKey identity, SecureRandom random, Duration poll, java.net.http.HttpClient client)
            throws FrostException {
        this.config = roster.dkgConfig();
        this.roster = roster;
        this.self = identity.name();
        this.participant = DkgParticipant.start(config, identity.noteSigner(), random);
        this.peers = new DkgPeers(roster, client, Duration.ofSeconds(5));
        this.poll = poll;
        this.round1 = participant.round1();
    }

    /** This member's signed round-one note, as served. */
    public byte[] round1() {
        return round1.clone();
    }

    /** The DKG endpoints, to add to this member's HTTP service. */
    public void routes(RoutesConfig routes) {
        routes.get("/dkg/{what}", ctx -> serve(ctx.pathParam("what"), ctx));
    }

    /** Answers {@code GET /dkg/<what>}: {@code round1}, {@code round2} or {@code status}. */
    public void serve(String what, Context ctx) {
        switch (what) {
            case "round1" -> ctx.contentType("text/plain; charset=utf-8").result(round1);
            case "round2" -> {
                byte[] r2 = round2;
                if (r2 == null) {
                    throw HttpProblem.notFound("round two is not ready");
                }
                ctx.contentType("text/plain; charset=utf-8").result(r2);
            }
            case "status" -> HttpService.json(ctx, 200, status);
            default -> throw HttpProblem.notFound("no DKG resource " + what);
        }
    }

    /**
     * Runs the DKG to the end: the key share once every member reached the same group, or a
     * failure naming the missing or guilty members.
     */
    public KeyShare run(Duration timeout, Consumer<String> progress) throws DkgFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            round1s.put(self, round1);
            collect(round1s, "round1", deadline, progress);
            round2 = participant.round2(ordered(round1s));
            status = new DkgStatus(DkgStatus.ROUND2, null, List.of(), null);
            round2s.put(self, round2);
            collect(round2s, "round2", deadline, progress);
            DkgOutcome outcome = participant.finish(ordered(round2s));
            if (outcome instanceof DkgOutcome.Complained c) {
                status = new DkgStatus(DkgStatus.FAILED, null, c.complaints().stream().map(Base64s::encode).toList(), "complained about " + c.accused());
                throw judged(c.complaints());
            }
            KeyShare share = ((DkgOutcome.Completed) outcome).share();
            String group = share.group().id().toBase64();
            status = new DkgStatus(DkgStatus.FINISHED, group, List.of(), null);
            progress.accept("DKG finished here; waiting for every member to reach group " + share.group().vkey().encode());
            awaitAll(group, deadline);
            status = new DkgStatus(DkgStatus.ACCEPTED, group, List.of(), null);
            return share;
        } catch (FrostException e) {
            status = new DkgStatus(DkgStatus.FAILED, null, List.of(), e.getMessage());
            throw new DkgFailure("DKG failed: " + e.getMessage(), e.members());
        }
    }

    /** After {@link #run}: keeps serving until every member has been seen accepting (or gone after finishing), at most {@code max}. */
    public void linger(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        List<String> waiting = new ArrayList<>(others());
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(m -> peers.status(m).map(s -> DkgStatus.ACCEPTED.equals(s.state())).orElse(true));
            if (!waiting.isEmpty()) {
                Thread.sleep(poll.toMillis());
            }
        }
    }

    private List<String> others() {
        return roster.names().stream().filter(n -> !n.equals(self)).toList();
    }

    private List<byte[]> ordered(Map<String, byte[]> notes) {
        return roster.names().stream().map(notes::get).toList();
    }

    private void collect(Map<String, byte[]> into, String round, long deadline, Consumer<String> progress) throws DkgFailure, InterruptedException {
        while (true) {
            for (String m : others()) {
                if (!into.containsKey(m)) {
                    peers.note(m, round).ifPresent(n -> into.put(m, n));
                }
            }
            List<String> missing = others().stream().filter(m -> !into.containsKey(m)).toList();
            if (missing.isEmpty()) {
                progress.accept("DKG " + round + ": have every member's note");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DkgFailure("DKG " + round + ": no note from " + String.join(", ", missing) + " before the timeout", missing);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void awaitAll(String group, long deadline) throws DkgFailure, InterruptedException {
        List<String> waiting = new ArrayList<>(others());
        while (!waiting.isEmpty()) {
            for (String m : List.copyOf(waiting)) {
                var s = peers.status(m);
                if (s.isEmpty()) {
                    continue;
                }
                if (DkgStatus.FAILED.equals(s.get().state())) {
                    if (!s.get().complaints().isEmpty()) {
                        throw judged(s.get().complaints().stream().map(c -> Base64s.decodeCanonical(c).orElse(new byte[0])).toList());
                    }
                    throw new DkgFailure("DKG failed at " + m + ": " + s.get().error(), List.of(m));
                }
                if (s.get().done()) {
                    if (!group.equals(s.get().group())) {
                        throw new DkgFailure("split view: " + m + " reached another group than this member", List.of(m));
                    }
                    waiting.remove(m);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DkgFailure("DKG: " + String.join(", ", waiting) + " did not finish before the timeout", waiting);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Judges complaints from public signed data alone (DkgJudge) and names the culprits. */
    private DkgFailure judged(List<byte[]> complaints) {
        List<String> culprits = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (byte[] c : complaints) {
            try {
                // FROST paper, Figure 1, round 2 step 2: a complaint is settled from the signed notes alone.
                DkgJudge.Verdict v = DkgJudge.judge(config, ordered(round1s), new ArrayList<>(round2s.values()), c);
                culprits.add(v.culprit());
                why.add(v.reason());
            } catch (FrostException e) {
                why.add("a complaint could not be judged: " + e.getMessage());
            }
        }
        log.warn("DKG for {} failed: {}", config.groupName(), why);
        return new DkgFailure("DKG failed: " + String.join("; ", why) + "; rerun without " + String.join(", ", culprits), culprits);
    }
}
