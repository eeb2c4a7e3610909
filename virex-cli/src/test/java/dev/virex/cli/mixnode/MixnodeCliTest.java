package dev.virex.cli.mixnode;

import dev.virex.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.Main;
import dev.virex.core.pow.ParamsTimeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo path end to end: keygen, params, serve, client send with progress, cover traffic, report. */
class MixnodeCliTest {
    @TempDir
    Path dir;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void paramsCommandPrintsAParsableFile() throws Exception {
        CliRun r = run("mixnode", "params", "--activation", "2026-01-01T00:00:00Z", "--effort-floor", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("activation 2026-01-01T00:00:00Z\n").contains("effort-floor 100\n");
        assertThat(ParamsTimeline.parse(r.out()).changes()).hasSize(1);
        assertThat(run("mixnode", "params", "--effort-floor", "0").code()).isEqualTo(1);
    }

    @Test
    void serveSendCoverAndVerifyTheReport() throws Exception {
        Path key = dir.resolve("mix.key");
        String vkey = run("keygen", "--name", "mix-1.example", "--out", key.toString()).out().strip();
        Path params = dir.resolve("params.txt");
        Files.writeString(params, run("mixnode", "params", "--activation", "2020-01-01T00:00:00Z").out());

        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicInteger serveCode = new AtomicInteger(-1);
        Thread server = new Thread(() -> serveCode.set(Main.execute(new String[] {"mixnode", "serve", "--key", key.toString(),
            "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--params", params.toString(), "--report-interval", "1s",
            "--for", "60s"}, new PrintWriter(serveOut, true), new PrintWriter(serveErr, true))));
        server.start();
        try {
            String url = null;
            for (int i = 0; i < 600 && url == null; i++) {
                url = serveOut.toString().lines().filter(l -> l.startsWith("http ")).map(l -> l.substring(5)).findFirst().orElse(null);
                if (url == null) {
                    assertThat(server.isAlive()).as(serveErr.toString()).isTrue();
                    Thread.sleep(50);
                }
            }
            assertThat(url).as(serveErr.toString()).isNotNull();
            assertThat(serveOut.toString()).contains("mixnode " + vkey);

            CliRun send = run("client", "send", "--mixnode", url, "--threads", "1", "hello mixnet");
            assertThat(send.code()).as(send.err()).isZero();
            assertThat(send.out()).startsWith("accepted by " + vkey + " at effort 16 after 1 attempt");
            assertThat(send.err()).contains("solving PoW at effort 16");

            CliRun cover = run("client", "cover", "--mixnode", url, "--threads", "1", "--count", "2");
            assertThat(cover.code()).as(cover.err()).isZero();
            assertThat(cover.out()).contains("sent 2 (cover 2, real 0), accepted 2");

            CliRun report = null;
            for (int i = 0; i < 100; i++) { // reports appear once per interval (1 s here), on the real clock
                report = run("mixnode", "report", "--url", url, "--vkey", vkey, "--params", params.toString());
                if (report.code() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(report.code()).as(report.err()).isZero();
            assertThat(report.out()).startsWith("virex enforcement report v1\n");
            assertThat(report.err()).contains("verified with mix-1.example", "agrees with the parameters");

            String otherVkey = run("keygen", "--name", "mix-1.example", "--out", dir.resolve("other.key").toString()).out().strip();
            CliRun forged = run("mixnode", "report", "--url", url, "--vkey", otherVkey);
            assertThat(forged.code()).isEqualTo(1);
            assertThat(forged.err()).startsWith("virex: report rejected");
        } finally {
            server.interrupt();
            server.join(30_000);
        }
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void unreachableMixnodeIsOneLineError() {
        CliRun r = run("client", "send", "--mixnode", "http://127.0.0.1:1", "hi");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("virex: cannot reach the mixnode").contains("connection refused");
        assertThat(run("client", "send", "--mixnode", "http://127.0.0.1:1").code()).isEqualTo(1);
    }
}
