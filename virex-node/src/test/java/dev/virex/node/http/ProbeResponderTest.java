package dev.virex.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeResponderTest {
    static final SignerKey NODE = TestKeys.signer("node.probe.test");
    final MutableClock clock = MutableClock.atEpoch();
    final ProbeResponder responder = new ProbeResponder(NODE, "1.2.3", clock);

    Probe probe(String node) {
        return new Probe("member1.probe.test", node, Bytes.wrap(new byte[32]), clock.instant());
    }

    @Test
    void theAnswerIsSignedByTheNodeKeyForThisChallenge() throws Exception {
        Probe p = probe(NODE.name());
        ProbeAnswer a = ProbeAnswer.verify(responder.answer(p.text().getBytes(StandardCharsets.UTF_8)), p, NODE.verifierKey(),
                clock.instant());
        assertThat(a.software()).isEqualTo("1.2.3");
    }

    @Test
    void malformedForeignAndStoppedProbesAreRefused() {
        assertThat(status(() -> responder.answer("virex-probe/v1\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(status(() -> responder.answer(probe("other.probe.test").text().getBytes(StandardCharsets.UTF_8)))).isEqualTo(404);
        responder.stop("removed by the federation");
        assertThat(status(() -> responder.answer(probe(NODE.name()).text().getBytes(StandardCharsets.UTF_8)))).isEqualTo(410);
        assertThat(responder.stopped()).contains("removed by the federation");
    }

    @Test
    void overHttpWithABodyCap() throws Exception {
        try (HttpService svc = HttpService.start(HttpService.Options.loopback("probe"), responder::mount)) {
            Probe p = probe(NODE.name());
            HttpClients.Response ok = post(svc, p.text());
            assertThat(ok.status()).isEqualTo(200);
            ProbeAnswer.verify(ok.body(), p, NODE.verifierKey(), clock.instant());
            assertThat(post(svc, "x".repeat(Probe.MAX_TEXT + 1)).status()).isEqualTo(413);
        }
        assertThatThrownBy(() -> ProbeAnswer.verify(responder.answer(probe(NODE.name()).text().getBytes(StandardCharsets.UTF_8)),
                probe(NODE.name()), TestKeys.signer("impostor.probe.test").verifierKey(), clock.instant())).isNotNull();
    }

    static HttpClients.Response post(HttpService svc, String body) throws Exception {
        HttpRequest r = HttpClients.request(svc.baseUri().resolve(ProbeResponder.PATH), Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClients.exchange(HttpClients.newClient(), r, 4096);
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (HttpProblem p) {
            return p.status();
        }
    }
}
