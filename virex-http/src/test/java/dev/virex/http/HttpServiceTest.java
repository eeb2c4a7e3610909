package dev.virex.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServiceTest {
    record Echo(String name, int count) {
        Echo {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }
    }

    private HttpService service;
    private final HttpClient client = HttpClients.newClient();

    @BeforeEach
    void start() {
        service = HttpService.start(HttpService.Options.loopback("test"), routes -> {
            routes.post("/echo", ctx -> {
                Echo e = Json.read(HttpService.body(ctx, 64), Echo.class);
                HttpService.json(ctx, 200, e);
            });
            routes.get("/limited", ctx -> {
                throw HttpProblem.tooManyRequests("slow down", Duration.ofMillis(1500));
            });
            routes.get("/conflict", ctx -> {
                throw HttpProblem.raw(409, "size", "text/x.tlog.size", "42\n");
            });
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret internals");
            });
        });
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpClients.Response post(String path, String body) throws Exception {
        return HttpClients.exchange(client, HttpRequest.newBuilder(service.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 4096);
    }

    private HttpClients.Response get(String path) throws Exception {
        return HttpClients.exchange(client, HttpRequest.newBuilder(service.baseUri().resolve(path)).GET().build(), 4096);
    }

    private static JsonNode problem(HttpClients.Response r) throws Exception {
        assertThat(r.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith(HttpService.PROBLEM_JSON));
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void validJsonRoundTrips() throws Exception {
        HttpClients.Response r = post("/echo", "{\"name\":\"a\",\"count\":2}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.MAPPER.readValue(r.body(), Echo.class)).isEqualTo(new Echo("a", 2));
    }

    @Test
    void malformedUnknownDuplicateOrInvalidJsonIs400() throws Exception {
        for (String bad : new String[] {"{", "{\"name\":\"a\",\"count\":2,\"x\":1}", "{\"name\":\"a\",\"name\":\"b\",\"count\":1}",
                "{\"name\":\"a\",\"count\":-1}", "{\"name\":\"a\",\"count\":1.5}", "{\"name\":\"a\",\"count\":1} {}"}) {
            HttpClients.Response r = post("/echo", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(problem(r).path("detail").asText()).as(bad).contains("invalid JSON");
        }
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        HttpClients.Response r = post("/echo", "{\"name\":\"" + "x".repeat(100) + "\",\"count\":1}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(problem(r).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void rateLimitCarriesRetryAfterRoundedUp() throws Exception {
        HttpClients.Response r = get("/limited");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).hasValue("2");
        RemoteProblem p = RemoteProblem.from(service.baseUri(), r);
        assertThat(p.retryAfter()).hasValue(Duration.ofSeconds(2));
        assertThat(p.detail()).isEqualTo("slow down");
    }

    @Test
    void protocolPrescribedBodiesPassThrough() throws Exception {
        HttpClients.Response r = get("/conflict");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/x.tlog.size"));
        assertThat(new String(r.body())).isEqualTo("42\n");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() throws Exception {
        HttpClients.Response r = get("/boom");
        assertThat(r.status()).isEqualTo(500);
        assertThat(problem(r).path("detail").asText()).startsWith("internal error, reference ").doesNotContain("secret");
    }

    @Test
    void unknownPathsAre404Problems() throws Exception {
        HttpClients.Response r = get("/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(problem(r).path("detail").asText()).contains("/nope");
    }

    @Test
    void expectOkThrowsRemoteProblem() {
        assertThatThrownBy(() -> HttpClients.expectOk(client,
                HttpRequest.newBuilder(service.baseUri().resolve("/limited")).GET().build(), 4096))
                .isInstanceOf(RemoteProblem.class)
                .satisfies(e -> assertThat(((RemoteProblem) e).status()).isEqualTo(429));
    }

    @Test
    void plainHttpOnAPublicAddressIsRefusedUnlessAllowed() {
        HttpService.Options pub = new HttpService.Options("pub", "0.0.0.0", 0, 1024, false);
        assertThatThrownBy(() -> HttpService.requireSafeBind(pub)).hasMessageContaining("refusing plain HTTP");
        HttpService.requireSafeBind(new HttpService.Options("pub", "0.0.0.0", 0, 1024, true));
        HttpService.requireSafeBind(HttpService.Options.loopback("lo").withHost("::1"));
    }
}
