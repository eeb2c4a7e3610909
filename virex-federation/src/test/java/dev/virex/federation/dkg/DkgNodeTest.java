package dev.virex.federation.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgParticipant;
import dev.virex.crypto.dkg.DkgRound2;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.Roster;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DKG among three members over loopback HTTP, each on its own thread as it would be in its own process. */
class DkgNodeTest {
    static final Duration POLL = Duration.ofMillis(20);
    final List<HttpService> servers = new ArrayList<>();
    final List<AtomicReference<BiConsumer<String, Context>>> handlers = new ArrayList<>();
    final List<SignerKey> keys = new ArrayList<>();

    Roster federation(int n, int m) {
        List<FederationConfig.MemberInfo> infos = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            AtomicReference<BiConsumer<String, Context>> h = new AtomicReference<>();
            HttpService s = HttpService.start(HttpService.Options.loopback("dkg-" + i), routes -> routes.get("/dkg/{what}", ctx -> {
                BiConsumer<String, Context> x = h.get();
                if (x == null) {
                    throw HttpProblem.unavailable("not started");
                }
                x.accept(ctx.pathParam("what"), ctx);
            }));
            servers.add(s);
            handlers.add(h);
            SignerKey k = TestKeys.signer("dkg-member-" + i + ".fed.test");
            keys.add(k);
            infos.add(new FederationConfig.MemberInfo(k.name(), s.baseUri().toString(), k.verifierKey().encode()));
        }
        return new Roster(new FederationConfig("fed.test", m, infos, Bytes.wrap(new byte[32]).toBase64(),
                new FederationConfig.LogInfo("http://127.0.0.1:1", keys.get(0).verifierKey().encode()), Map.of()));
    }

    @AfterEach
    void stop() {
        servers.forEach(HttpService::close);
    }

    @Test
    void threeMembersReachTheSameGroupOverHttp() throws Exception {
        Roster roster = federation(3, 2);
        List<DkgNode> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DkgNode node = new DkgNode(roster, keys.get(i), new DeterministicRandom("dkg-http-" + i), POLL);
            handlers.get(i).set(node::serve);
            nodes.add(node);
        }
        List<KeyShare> shares = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<KeyShare>> runs = new ArrayList<>();
            for (DkgNode node : nodes) {
                runs.add(pool.submit(() -> {
                    KeyShare s = node.run(Duration.ofSeconds(20), p -> { });
                    node.linger(Duration.ofSeconds(5));
                    return s;
                }));
            }
            for (Future<KeyShare> f : runs) {
                shares.add(f.get());
            }
        }
        assertThat(shares).extracting(s -> s.group().id()).containsOnly(shares.get(0).group().id());
        assertThat(shares.get(0).group().threshold()).isEqualTo(2);
        assertThat(shares).extracting(s -> s.member().name()).containsExactly(keys.get(0).name(), keys.get(1).name(), keys.get(2).name());
    }

    @Test
    void aMissingMemberIsNamedAtTheTimeout() throws Exception {
        Roster roster = federation(3, 2);
        DkgNode a = new DkgNode(roster, keys.get(0), new DeterministicRandom("a"), POLL);
        DkgNode b = new DkgNode(roster, keys.get(1), new DeterministicRandom("b"), POLL);
        handlers.get(0).set(a::serve);
        handlers.get(1).set(b::serve);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> b.run(Duration.ofMillis(2000), p -> { }));
            assertThatThrownBy(() -> a.run(Duration.ofMillis(2000), p -> { })).isInstanceOfSatisfying(DkgFailure.class, e -> {
                assertThat(e.members()).containsExactly(keys.get(2).name());
                assertThat(e.getMessage()).contains("round1: no note from " + keys.get(2).name());
            });
        }
    }

    @Test
    void aDealerOfABadShareIsJudgedAndNamed() throws Exception {
        Roster roster = federation(3, 2);
        DkgNode a = new DkgNode(roster, keys.get(0), new DeterministicRandom("a2"), POLL);
        DkgNode b = new DkgNode(roster, keys.get(1), new DeterministicRandom("b2"), POLL);
        handlers.get(0).set(a::serve);
        handlers.get(1).set(b::serve);
        // Member 3 deals a share to member 1 that is not on its committed polynomial, and signs it.
        SignerKey evil = keys.get(2);
        DkgParticipant cheat = DkgParticipant.start(roster.dkgConfig(), evil.noteSigner(), new DeterministicRandom("evil"));
        AtomicReference<byte[]> badRound2 = new AtomicReference<>();
        handlers.get(2).set((what, ctx) -> {
            switch (what) {
                case "round1" -> ctx.result(cheat.round1());
                case "round2" -> {
                    if (badRound2.get() == null) {
                        throw HttpProblem.notFound("not yet");
                    }
                    ctx.result(badRound2.get());
                }
                default -> throw HttpProblem.notFound("evil has no status");
            }
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<KeyShare> fb = pool.submit(() -> b.run(Duration.ofSeconds(10), p -> { }));
            Future<KeyShare> fa = pool.submit(() -> a.run(Duration.ofSeconds(10), p -> { }));
            byte[] honest = cheat.round2(List.of(a.round1(), b.round1(), cheat.round1()));
            String text = Note.parse(honest).text();
            DkgRound2 parsed = DkgRound2.parse(text.getBytes(StandardCharsets.UTF_8));
            List<DkgRound2.EncryptedShare> shares = new ArrayList<>(parsed.shares());
            byte[] flipped = shares.get(0).ciphertext().toArray();
            flipped[0] ^= 1;
            shares.set(0, new DkgRound2.EncryptedShare(shares.get(0).to(), Bytes.wrap(flipped)));
            DkgRound2 bad = new DkgRound2(parsed.dkgId(), parsed.member(), parsed.transcript(), shares);
            badRound2.set(Note.sign(new String(bad.encode(), StandardCharsets.UTF_8), evil.noteSigner()).encode());
            for (Future<KeyShare> f : List.of(fa, fb)) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(DkgFailure.class).cause().satisfies(e -> {
                    assertThat(((DkgFailure) e).members()).containsExactly(evil.name());
                    assertThat(e.getMessage()).contains(evil.name() + " sent " + keys.get(0).name() + " a share");
                });
            }
        }
    }
}
