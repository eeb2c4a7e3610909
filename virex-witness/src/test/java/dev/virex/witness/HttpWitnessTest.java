package dev.virex.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.witness.WitnessApi;
import dev.virex.http.HttpService;
import dev.virex.log.witness.HttpWitnessClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The witness contract through its HTTP server and client, plus the wire details of tlog-witness. */
class HttpWitnessTest extends WitnessContract {
    WitnessServer server;
    HttpWitnessClient client;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = WitnessServer.start(f.witness, List.of(TestLog.ORIGIN), HttpService.Options.loopback("witness"));
        client = new HttpWitnessClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    WitnessApi api() {
        return client;
    }

    @Override
    void restart() throws Exception {
        server.close();
        f.restart();
        start();
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConflictAnswersTheKnownSizeAsTextXTlogSize() throws Exception {
        log.grow(33);
        client.addCheckpoint(log.request(0));
        HttpResponse<String> r = post(log.request(0).encode());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/x.tlog.size"));
        assertThat(r.body()).isEqualTo("33\n");
    }

    @Test
    void successAnswersSignatureLinesEndingInNewlines() throws Exception {
        log.grow(2);
        HttpResponse<String> r = post(log.request(0).encode());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("\u2014 witness.test/w1 ").endsWith("\n").hasLineCount(1);
    }

    @Test
    void statusCodesOnTheWire() throws Exception {
        log.grow(2);
        assertThat(post("old 1\n".getBytes()).statusCode()).isEqualTo(400);
        assertThat(post(new byte[dev.virex.core.witness.AddCheckpointRequest.MAX_BYTES + 1]).statusCode()).isEqualTo(413);
        assertThat(post(new dev.virex.core.witness.AddCheckpointRequest(3, List.of(), log.signed()).encode()).statusCode()).isEqualTo(400);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/add-checkpoint")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isIn(404, 405);
        URI monitor = server.baseUri().resolve("/" + WitnessApi.originHash(TestLog.ORIGIN) + "/checkpoint");
        assertThat(http.send(HttpRequest.newBuilder(monitor).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        client.addCheckpoint(log.request(0));
        HttpResponse<String> cp = http.send(HttpRequest.newBuilder(monitor).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cp.statusCode()).isEqualTo(200);
        assertThat(cp.body()).startsWith(TestLog.ORIGIN + "\n2\n");
        URI unknown = server.baseUri().resolve("/" + WitnessApi.originHash("nope") + "/checkpoint");
        assertThat(http.send(HttpRequest.newBuilder(unknown).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
