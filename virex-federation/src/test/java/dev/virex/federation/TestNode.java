package dev.virex.federation;

import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.join.JoinDraft;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.SignerKey;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.core.probe.ProbeFormatException;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.FederationException;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node for tests: its key, its operator's key, and a tiny probe responder on loopback that
 * answers {@code POST /probe} with a {@link ProbeAnswer} signed by the node key (the real one,
 * {@code ProbeResponder}, lives in virex-node). It can be told to fail or to report other software.
 */
final class TestNode implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    final SignerKey key;
    final SignerKey operator;
    final String software;
    final Clock clock;
    final String serviceAddress;
    volatile boolean answering = true;
    volatile String reportedSoftware;
    private final HttpService responder;

    TestNode(String name, String operatorName, String software, Clock clock) {
        this.key = TestKeys.signer(name);
        this.operator = TestKeys.signer(operatorName);
        this.software = software;
        this.reportedSoftware = software;
        this.clock = clock;
        int n = NEXT.getAndIncrement();
        this.serviceAddress = "10." + (n / 250) + "." + (n % 250) + ".7:4000";
        this.responder = HttpService.start(HttpService.Options.loopback("probe-" + name), routes -> routes.post("/probe", ctx -> {
            if (!answering) {
                throw HttpProblem.unavailable("switched off");
            }
            try {
                Probe p = Probe.parse(new String(HttpService.body(ctx, Probe.MAX_TEXT), StandardCharsets.UTF_8));
                ProbeAnswer a = new ProbeAnswer(key.name(), p.challenge(), clock.instant(), reportedSoftware);
                ctx.contentType("text/plain; charset=utf-8").result(a.sign(key.noteSigner()));
            } catch (ProbeFormatException e) {
                throw HttpProblem.badRequest(e.getMessage());
            }
        }));
    }

    NodeInfo info() throws DecisionFormatException {
        return new NodeInfo(key.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse(serviceAddress),
                NodeAddress.parse("127.0.0.1:" + responder.port()), "eu-west", 100, operator.verifierKey(), software);
    }

    /** A signed join request against the federation's current directory (seed and join effort). */
    byte[] request(FederationApi api, String federation) throws Exception {
        return request(api, federation, null);
    }

    /** A signed join request whose stamp is for {@code seed} (the directory's current seed when null). */
    byte[] request(FederationApi api, String federation, Bytes seedOrNull) throws Exception {
        byte[] nonce = new byte[16];
        new java.util.Random(key.name().hashCode() ^ clock.millis()).nextBytes(nonce);
        return request(api, federation, seedOrNull, clock.instant().truncatedTo(ChronoUnit.SECONDS), nonce, 0);
    }

    /** A signed join request with every choice explicit; {@code effort} 0 means the federation's join effort. */
    byte[] request(FederationApi api, String federation, Bytes seedOrNull, java.time.Instant time, byte[] nonce, long effort)
            throws Exception {
        Directory d = Directory.parse(api.directory().directory());
        Bytes seed = seedOrNull != null ? seedOrNull : d.epoch().orElseThrow().seed();
        long e = effort > 0 ? effort : NetworkParams.of(d.paramsAt(clock.instant())).joinEffort();
        JoinDraft draft = new JoinDraft(federation, time, Bytes.wrap(nonce), info());
        return SignedJoinRequest.sign(draft.solve(seed, e), key.noteSigner(), operator.noteSigner()).note().toArray();
    }

    String submit(FederationApi api, String federation) throws Exception {
        try {
            return api.submitJoin(request(api, federation)).id();
        } catch (FederationException e) {
            throw new AssertionError("join refused (" + e.status() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        responder.close();
    }
}
