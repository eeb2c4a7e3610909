package dev.virex.log.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TlogProof;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import dev.virex.http.Json;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.LogFixture;
import dev.virex.log.TransparencyLog;
import dev.virex.log.server.TiledLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP specifics over loopback: caching headers, conditional requests, status codes and bodies. */
class LogServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClients.newClient();

    private HttpClients.Response get(LogServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.baseUri().resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClients.exchange(http, b.build(), 1 << 20);
    }

    private HttpClients.Response post(LogServer s, String path, byte[] body) throws Exception {
        // Expect: 100-continue for oversize bodies, so that the 413 arrives before the body is sent
        return HttpClients.exchange(http, HttpRequest.newBuilder(s.baseUri().resolve(path))
                .expectContinue(body.length > 65_535)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 1 << 20);
    }

    @Test
    void servesTheTlogTilesReadApiWithItsCachingRules() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir));
             LogServer s = LogServer.start(log, HttpService.Options.loopback("log"))) {
            HttpClients.Response cp = get(s, "/checkpoint");
            assertThat(cp.status()).isEqualTo(200);
            // tlog-tiles: "Content-Type: text/plain; charset=utf-8" (Jetty writes it without the space)
            assertThat(cp.header("Content-Type").orElseThrow().replace(" ", "")).isEqualToIgnoringCase("text/plain;charset=utf-8");
            assertThat(cp.header("Cache-Control")).hasValue("public, max-age=2");
            String etag = cp.header("ETag").orElseThrow();
            HttpClients.Response same = get(s, "/checkpoint", "If-None-Match", etag);
            assertThat(same.status()).isEqualTo(304);
            assertThat(same.body()).isEmpty();

            for (int i = 0; i < 257; i++) {
                log.append(dev.virex.log.server.Admission.Admitted.of(LogFixture.decision("d" + i)));
            }
            log.add(LogFixture.decision("last"));
            HttpClients.Response changed = get(s, "/checkpoint", "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(new String(changed.body())).startsWith("log.virex.test\n258\n");

            HttpClients.Response full = get(s, "/tile/0/000");
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.body()).hasSize(8192);
            assertThat(full.header("Content-Type")).hasValue("application/octet-stream");
            assertThat(full.header("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            HttpClients.Response partial = get(s, "/tile/entries/001.p/2");
            assertThat(partial.status()).isEqualTo(200);
            assertThat(partial.header("Cache-Control")).hasValue("public, max-age=60");
            assertThat(get(s, "/tile/0/001.p/3").status()).isEqualTo(404);
            assertThat(get(s, "/tile/0/0001").status()).isEqualTo(400);
            assertThat(get(s, "/tile/0/%30%30%30").status()).isEqualTo(400);
        }
    }

    @Test
    void theClientPollsTheCheckpointConditionally() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir));
             LogServer s = LogServer.start(log, HttpService.Options.loopback("log"))) {
            HttpLogClient client = new HttpLogClient(s.baseUri());
            Bytes first = client.checkpoint();
            assertThat(client.checkpoint()).isSameAs(first); // 304: the cached body is reused
            log.add(LogFixture.decision("news"));
            Bytes second = client.checkpoint();
            assertThat(second).isNotEqualTo(first);
            assertThat(new String(second.toArray())).startsWith("log.virex.test\n1\n");
        }
    }

    @Test
    void addAndProofEndpointsSpeakStrictJson() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(dir));
             LogServer s = LogServer.start(log, HttpService.Options.loopback("log"))) {
            HttpClients.Response added = post(s, "/add", LogFixture.decision("node removed: n-3").toArray());
            assertThat(added.status()).isEqualTo(200);
            LogJson.Added a = Json.MAPPER.readValue(added.body(), LogJson.Added.class);
            assertThat(a.index()).isZero();
            assertThat(a.receipt()).startsWith(TlogProof.HEADER);
            post(s, "/add", LogFixture.decision("second").toArray());
            HttpClients.Response incl = get(s, "/proof/inclusion?index=0&size=2");
            assertThat(incl.status()).isEqualTo(200);
            assertThat(new String(incl.body())).contains("\"index\":0").contains("\"size\":2");
            assertThat(get(s, "/proof/inclusion?index=0&size=02").status()).isEqualTo(400);
            assertThat(get(s, "/proof/inclusion?index=0").status()).isEqualTo(400);
            assertThat(get(s, "/proof/inclusion?index=0&size=2&x=1").status()).isEqualTo(400);
            assertThat(get(s, "/proof/inclusion?index=0&size=2&size=2").status()).isEqualTo(400);
            assertThat(get(s, "/proof/inclusion?index=0&size=3").status()).isEqualTo(409);
            assertThat(get(s, "/proof/consistency?size1=1&size2=2").status()).isEqualTo(200);
            assertThat(get(s, "/receipt?index=1").status()).isEqualTo(200);
            assertThat(get(s, "/receipt?index=2").status()).isEqualTo(404);
            assertThat(post(s, "/add", LogFixture.signedBy(LogFixture.STRANGER, "x").toArray()).status()).isEqualTo(403);
            assertThat(post(s, "/add", "junk".getBytes()).status()).isEqualTo(400);
            assertThat(post(s, "/add", new byte[65_536]).status()).isEqualTo(413);
            assertThat(get(s, "/nope").status()).isEqualTo(404);
        }
    }

    /** A log that refuses everything with one kind, to check the mapping both ways. */
    record Refusing(LogException.Kind kind) implements TransparencyLog {
        LogException no() {
            return new LogException(kind, "refused: " + kind, Optional.of(Duration.ofSeconds(7)));
        }

        @Override
        public Bytes checkpoint() throws LogException {
            throw no();
        }

        @Override
        public Bytes tile(TilePath path) throws LogException {
            throw no();
        }

        @Override
        public AddResult add(Bytes entry) throws LogException {
            throw no();
        }

        @Override
        public InclusionProof inclusionProof(long index, long size) throws LogException {
            throw no();
        }

        @Override
        public ConsistencyProof consistencyProof(long size1, long size2) throws LogException {
            throw no();
        }

        @Override
        public TlogProof receipt(long index) throws LogException {
            throw no();
        }
    }

    @Test
    void everyRefusalKeepsItsKindAcrossHttp() throws Exception {
        for (LogException.Kind kind : LogException.Kind.values()) {
            try (LogServer s = LogServer.start(new Refusing(kind), HttpService.Options.loopback("refusing"))) {
                HttpLogClient client = new HttpLogClient(s.baseUri());
                HttpClients.Response r = post(s, "/add", new byte[] {1});
                assertThat(r.status()).isEqualTo(kind.status());
                assertThat(r.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
                LogContractTest.assertKind(() -> client.add(Bytes.wrap(new byte[] {1})), kind);
                LogContractTest.assertKind(() -> client.checkpoint(), kind);
                LogContractTest.assertKind(() -> client.inclusionProof(0, 1), kind);
                if (kind == LogException.Kind.BUSY) {
                    assertThat(r.header("Retry-After")).hasValue("7");
                    try {
                        client.receipt(0);
                    } catch (LogException e) {
                        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).isEqualTo("refused: BUSY");
                    }
                }
            }
        }
    }
}
