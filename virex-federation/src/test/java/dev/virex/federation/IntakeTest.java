package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.federation.wire.Envelope;
import dev.virex.http.HttpClients;
import dev.virex.testkit.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear status and loses nothing: the public join endpoint and the member envelopes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeTest {
    TestFederation f;
    TestNode node;
    final HttpClient http = HttpClients.newClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new TestFederation(dir, 3, 2, UnaryOperator.identity(), TestFederation.params());
        node = new TestNode("mix-i.node.test", "operator-i.test", "0.1.0", f.clock);
        f.genesis();
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
        f.close();
    }

    record Answer(int status, String body) {}

    Answer post(String path, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(f.servers.get(0).baseUri() + path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var resp = HttpClients.exchange(http, r, 1 << 20);
        return new Answer(resp.status(), new String(resp.body(), StandardCharsets.UTF_8));
    }

    Answer get(String path) throws Exception {
        var resp = HttpClients.exchange(http, HttpRequest.newBuilder(URI.create(f.servers.get(0).baseUri() + path)).GET().build(), 1 << 20);
        return new Answer(resp.status(), new String(resp.body(), StandardCharsets.UTF_8));
    }

    byte[] nonce(int b) {
        byte[] n = new byte[16];
        java.util.Arrays.fill(n, (byte) b);
        return n;
    }

    Instant now() {
        return f.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void joinRequestsAreRefusedWithTheRightStatus() throws Exception {
        assertThat(post("/join", "hello".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        byte[] good = node.request(f.api(0), TestFederation.NAME, null, now(), nonce(1), 0);
        String tampered = new String(good, StandardCharsets.UTF_8).replace("bandwidth-mbps 100", "bandwidth-mbps 900");
        assertThat(post("/join", tampered.getBytes(StandardCharsets.UTF_8))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.body()).contains("signature");
        });
        assertThat(post("/join", new byte[dev.virex.core.join.SignedJoinRequest.MAX_NOTE + 1]).status()).isEqualTo(413);
        assertThat(post("/join", node.request(f.api(0), "other.federation", null, now(), nonce(2), 0))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains("wrong-federation");
        });
        assertThat(post("/join", node.request(f.api(0), TestFederation.NAME, null, now().minusSeconds(660), nonce(3), 0)))
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(422);
                    assertThat(a.body()).contains("stale-request");
                });
        assertThat(post("/join", node.request(f.api(0), TestFederation.NAME, null, now(), nonce(4), 4))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(422);
            assertThat(a.body()).contains("below the join effort 16");
        });
        assertThat(post("/join", good).status()).isEqualTo(202);
        assertThat(post("/join", good)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.body()).contains("already submitted");
        });
        byte[] sameNonce = node.request(f.api(0), TestFederation.NAME, null, now().minusSeconds(1), nonce(1), 0);
        assertThat(post("/join", sameNonce)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.body()).contains("replay");
        });
        assertThat(get("/join/abc").status()).isEqualTo(400);
        assertThat(get("/join/" + "0".repeat(64)).status()).isEqualTo(404);
        assertThat(get("/health").body()).contains("\"status\":\"ok\"");
    }

    byte[] envelope(SignerKey from, String to, Instant time, String kind, String payload) {
        return new Envelope(from.name(), to, time, kind, Bytes.wrap(payload.getBytes(StandardCharsets.UTF_8))).sign(from.noteSigner());
    }

    @Test
    void membersOnlyAcceptAuthenticEnvelopesMeantForThem() throws Exception {
        String vote = "{\"proposal\":\"" + "a".repeat(64) + "\",\"yes\":true,\"reasons\":[]}";
        SignerKey stranger = TestKeys.signer(f.name(1));
        SignerKey impostor = TestKeys.signer("member-9.fed.virex.test");
        SignerKey peer = f.identities.get(1);
        assertThat(post("/member/vote", envelope(impostor, f.name(0), now(), "vote", vote))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.body()).contains("unknown member");
        });
        assertThat(post("/member/vote", envelope(peer, f.name(2), now(), "vote", vote)).status()).isEqualTo(403);
        assertThat(post("/member/vote", envelope(peer, f.name(0), now().minusSeconds(3600), "vote", vote)).status()).isEqualTo(403);
        assertThat(post("/member/sign", envelope(peer, f.name(0), now(), "vote", vote)).status()).isEqualTo(400);
        byte[] ok = envelope(peer, f.name(0), now(), "vote", vote);
        assertThat(post("/member/vote", ok).status()).isEqualTo(200);
        assertThat(post("/member/vote", ok)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.body()).contains("already received");
        });
        // A different vote by the same member on the same proposal is a conflict.
        String no = "{\"proposal\":\"" + "a".repeat(64) + "\",\"yes\":false,\"reasons\":[\"bad x\"]}";
        assertThat(post("/member/vote", envelope(peer, f.name(0), now().plusSeconds(1), "vote", no)).status()).isEqualTo(409);
        assertThat(stranger.name()).isEqualTo(peer.name());
        // Admin endpoints take only the member's own key.
        assertThat(post("/admin/status", envelope(peer, f.name(0), now(), "status", "{}")).status()).isEqualTo(403);
        assertThat(post("/admin/status", envelope(f.identities.get(0), f.name(0), now(), "status", "{}")).status()).isEqualTo(200);
        assertThat(post("/member/vote", "not an envelope".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    }
}
