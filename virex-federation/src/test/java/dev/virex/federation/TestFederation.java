package dev.virex.federation;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.HttpFederationClient;
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
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * N members (M of N) over loopback with the real log server, all in one JVM: members are driven by
 * {@link #tick()} and share a {@link MutableClock}, so tests advance time instead of sleeping.
 */
final class TestFederation implements AutoCloseable {
    static final String NAME = "fed.virex.test";
    static final Timing TIMING = new Timing(50, 5_000, 5_000, 300, 120);

    final MutableClock clock = MutableClock.atEpoch();
    final int n;
    final int m;
    final Path dir;
    final SignerKey logKey = TestKeys.signer("log.virex.test");
    final List<SignerKey> identities = new ArrayList<>();
    final List<KeyShare> shares;
    final FederationConfig config;
    final TiledLog log;
    final LogServer logServer;
    final List<MemberServer> servers = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final List<ReviewPolicy> policies = new ArrayList<>();
    private int restarts;
    private final java.util.function.IntFunction<UnaryOperator<MemberEndpoints>> wrap;

    TestFederation(Path dir, int n, int m, UnaryOperator<ReviewPolicy> policy, Map<String, String> genesisParams) throws Exception {
        this(dir, n, m, (i, p) -> policy.apply(p), genesisParams, i -> null);
    }

    /**
     * @param policy each member's policy from the test policy, by member index
     * @param wrap for member i, a wrapper of its endpoints (to misbehave on purpose), or null
     */
    TestFederation(Path dir, int n, int m, java.util.function.BiFunction<Integer, ReviewPolicy, ReviewPolicy> policy,
                   Map<String, String> genesisParams, java.util.function.IntFunction<UnaryOperator<MemberEndpoints>> wrap) throws Exception {
        this.wrap = wrap;
        this.n = n;
        this.m = m;
        this.dir = dir;
        List<VerifierKey> vkeys = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            SignerKey k = TestKeys.signer("member-" + i + "." + NAME);
            identities.add(k);
            vkeys.add(k.verifierKey());
        }
        SessionId session = SessionId.random(new DeterministicRandom("dkg-session"));
        shares = LocalDkg.run(new DkgConfig(NAME, m, session, vkeys), identities.stream().map(SignerKey::noteSigner).toList(),
                new DeterministicRandom("dkg-" + n + "-" + m));
        VerifierKey group = shares.get(0).group().vkey();
        log = TiledLog.open(LogConfig.defaults(dir.resolve("log"), logKey.noteSigner(), logKey.verifierKey().noteVerifier(),
                Verifiers.of(group.noteVerifier())).withIntegrationWait(Duration.ofSeconds(5)));
        logServer = LogServer.start(log, HttpService.Options.loopback("log"));
        List<FederationConfig.MemberInfo> infos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemberServer s = MemberServer.start(HttpService.Options.loopback("member-" + (i + 1)));
            servers.add(s);
            infos.add(new FederationConfig.MemberInfo(identities.get(i).name(), s.baseUri().toString(), vkeys.get(i).encode()));
            policies.add(policy.apply(i, testPolicy()));
        }
        config = new FederationConfig(NAME, m, infos, session.value().toBase64(),
                new FederationConfig.LogInfo(logServer.baseUri().toString(), logKey.verifierKey().encode()), genesisParams);
        for (int i = 0; i < n; i++) {
            members.add(startMember(i, "member-random-" + i));
        }
    }

    static ReviewPolicy testPolicy() {
        return ReviewPolicy.defaults().withProbation(new ReviewPolicy.Probation(1, 1, 1, 5000))
                .withLimits(0, 0, 0, 0).withMonitoring(new ReviewPolicy.Monitoring(false, 60, 600));
    }

    static Map<String, String> params() {
        return Map.of("join.effort", "16", "epoch.length-seconds", "3600", "join.expiry-seconds", "600");
    }

    private Member startMember(int i, String randomLabel) {
        Roster roster = new Roster(config);
        SignerKey id = identities.get(i);
        LogView view = new LogView(new HttpLogClient(logServer.baseUri()), logKey.verifierKey(), shares.get(i).group().vkey(), Optional.empty());
        Peers peers = new Peers(roster, id.name(), id.noteSigner(), clock, HttpClients.newClient(), TIMING.rpcTimeout());
        MemberContext ctx = new MemberContext(id.name(), roster, policies.get(i), TIMING, id, shares.get(i), clock,
                new DeterministicRandom(randomLabel), SqliteMemberStore.open(dir.resolve("member-" + (i + 1) + "/member.db")), view, peers);
        Member member = new Member(ctx);
        UnaryOperator<MemberEndpoints> w = wrap.apply(i);
        servers.get(i).attach(w == null ? member : w.apply(member));
        return member;
    }

    FederationApi api(int i) {
        return new HttpFederationClient(servers.get(i).baseUri());
    }

    String name(int i) {
        return identities.get(i).name();
    }

    VerifierKey groupKey() {
        return shares.get(0).group().vkey();
    }

    /** One tick of every running member, in order. */
    void tick() {
        for (Member mem : members) {
            if (mem != null) {
                mem.tick();
            }
        }
    }

    /** Ticks until {@code done}, at most {@code rounds} times, advancing the clock by {@code step} each round. */
    boolean tickUntil(BooleanSupplier done, int rounds, Duration step) {
        for (int r = 0; r < rounds; r++) {
            if (done.getAsBoolean()) {
                return true;
            }
            tick();
            clock.advance(step);
        }
        return done.getAsBoolean();
    }

    /** Runs the genesis (federation key, parameters, epoch 0, first snapshot). */
    void genesis() {
        if (!tickUntil(() -> directory().flatMap(Directory::epoch).isPresent() && live().context().log().snapshot().isPresent(), 30, Duration.ofSeconds(1))) {
            throw new AssertionError("genesis did not complete; log size " + log.size());
        }
    }

    Member live() {
        return members.stream().filter(x -> x != null).findFirst().orElseThrow();
    }

    /** The first live member's directory, after reading the log up. */
    Optional<Directory> directory() {
        try {
            live().context().log().sync();
        } catch (dev.virex.federation.ledger.LogViewException e) {
            throw new AssertionError(e);
        }
        return live().context().log().directory();
    }

    /** Stops member {@code i} (server and member), as if its process died. */
    void kill(int i) {
        Member mem = members.set(i, null);
        if (mem != null) {
            servers.get(i).attach(null);
            mem.close();
        }
    }

    /** Starts member {@code i} again on the same database. */
    void restart(int i) {
        kill(i);
        members.set(i, startMember(i, "member-random-" + i + "-restart-" + (++restarts)));
    }

    List<Bytes> entries() throws Exception {
        List<Bytes> out = new ArrayList<>();
        var r = log.tileReader();
        long size = log.size();
        for (long b = 0; b * 256 < size; b++) {
            var path = dev.virex.core.tlog.Tiles.tile(dev.virex.core.tlog.TilePath.ENTRIES, b, size);
            out.addAll(dev.virex.core.tlog.EntryBundle.parse(r.read(path).toArray(), path.width()).entries());
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < n; i++) {
            kill(i);
            servers.get(i).close();
        }
        logServer.close();
        log.close();
    }
}
