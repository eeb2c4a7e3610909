package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.join.JoinDraft;
import dev.virex.core.join.SignedJoinRequest;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.federation.Member;
import dev.virex.federation.MemberContext;
import dev.virex.federation.MemberServer;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.config.Roster;
import dev.virex.federation.config.Timing;
import dev.virex.federation.ledger.LogView;
import dev.virex.federation.store.SqliteMemberStore;
import dev.virex.federation.wire.Peers;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A federation of N members (M of N) over loopback with the real log server, in one process, for
 * benchmarks: members tick every few milliseconds on the real clock, review without a probation
 * wait (0 probes), and admit any well-formed node.
 */
final class LocalFederation implements AutoCloseable {
    static final String NAME = "fed.bench.virex";

    final Path dir;
    final TiledLog log;
    final LogServer logServer;
    final List<MemberServer> servers = new ArrayList<>();
    final List<Member> members = new ArrayList<>();

    LocalFederation(int n, int m) throws Exception {
        dir = Files.createTempDirectory("virex-bench-federation");
        SecureRandom random = new SecureRandom();
        List<SignerKey> ids = new ArrayList<>();
        List<VerifierKey> vkeys = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            SignerKey k = SignerKey.generate("member-" + i + "." + NAME, random);
            ids.add(k);
            vkeys.add(k.verifierKey());
        }
        SessionId session = SessionId.random(random);
        List<KeyShare> shares = LocalDkg.run(new DkgConfig(NAME, m, session, vkeys), ids.stream().map(SignerKey::noteSigner).toList(), random);
        SignerKey logKey = SignerKey.generate("log." + NAME, random);
        log = TiledLog.open(LogConfig.defaults(dir.resolve("log"), logKey.noteSigner(), logKey.verifierKey().noteVerifier(),
                Verifiers.of(shares.get(0).group().vkey().noteVerifier())));
        logServer = LogServer.start(log, HttpService.Options.loopback("log"));
        List<FederationConfig.MemberInfo> infos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemberServer s = MemberServer.start(HttpService.Options.loopback("member-" + (i + 1)));
            servers.add(s);
            infos.add(new FederationConfig.MemberInfo(ids.get(i).name(), s.baseUri().toString(), vkeys.get(i).encode()));
        }
        FederationConfig config = new FederationConfig(NAME, m, infos, session.value().toBase64(),
                new FederationConfig.LogInfo(logServer.baseUri().toString(), logKey.verifierKey().encode()),
                Map.of("join.effort", "1", "operator.max-nodes", "1000000", "epoch.length-seconds", "3600"));
        ReviewPolicy policy = ReviewPolicy.defaults().withProbation(new ReviewPolicy.Probation(0, 0, 1, 1000)).withLimits(0, 0, 0, 0)
                .withMonitoring(new ReviewPolicy.Monitoring(false, 60, 600));
        Timing timing = new Timing(20, 10_000, 2_000, 300, 120);
        Roster roster = new Roster(config);
        for (int i = 0; i < n; i++) {
            SignerKey id = ids.get(i);
            LogView view = new LogView(new HttpLogClient(logServer.baseUri()), logKey.verifierKey(), shares.get(i).group().vkey(), Optional.empty());
            Peers peers = new Peers(roster, id.name(), id.noteSigner(), Clock.systemUTC(), HttpClients.newClient(), timing.rpcTimeout());
            MemberContext ctx = new MemberContext(id.name(), roster, policy, timing, id, shares.get(i), Clock.systemUTC(), random,
                    SqliteMemberStore.open(dir.resolve("member-" + i + ".db")), view, peers);
            Member member = new Member(ctx);
            servers.get(i).attach(member);
            members.add(member);
            member.start();
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (members.get(0).context().log().snapshot().isEmpty() || members.get(0).context().log().directory().flatMap(d -> d.epoch()).isEmpty()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("genesis did not complete");
            }
            Thread.sleep(10);
            members.get(0).context().log().refresh();
        }
    }

    /** {@code count} signed join requests of distinct nodes and operators for the current epoch. */
    List<byte[]> requests(int count) throws Exception {
        var d = members.get(0).context().log().directory().orElseThrow();
        Bytes seed = d.epoch().orElseThrow().seed();
        SecureRandom random = new SecureRandom();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SignerKey node = SignerKey.generate("mix-" + i + ".node.bench", random);
            SignerKey op = SignerKey.generate("operator-" + i + ".bench", random);
            NodeInfo info = new NodeInfo(node.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("10." + (i >> 16 & 255) + "." + (i >> 8 & 255)
                    + "." + (i & 255) + ":4000"), NodeAddress.parse("127.0.0.1:9"), "eu-west", 100, op.verifierKey(), "0.1.0");
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            JoinDraft draft = new JoinDraft(NAME, Instant.now().truncatedTo(ChronoUnit.SECONDS), Bytes.wrap(nonce), info);
            out.add(SignedJoinRequest.sign(draft.solve(seed, 1), node.noteSigner(), op.noteSigner()).note().toArray());
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < members.size(); i++) {
            servers.get(i).close();
            members.get(i).close();
        }
        logServer.close();
        log.close();
        LogAppendBench.delete(dir);
    }
}
