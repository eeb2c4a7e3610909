package dev.virex.cli.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.AuditorService;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.Main;
import dev.virex.cli.log.LogServeCommand;
import dev.virex.log.http.HttpLogClient;
import dev.virex.testkit.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path key(String name) {
        Path k = dir.resolve(name + ".key");
        KeyFiles.writeNew(k, TestKeys.signer(name));
        return k;
    }

    @Test
    void auditsALogOnceThenServesAnAuditor() throws Exception {
        FrostEntries fed = new FrostEntries();
        Path logKey = key("log.cli.test");
        String logVkey = KeyFiles.read(logKey).verifierKey().encode();
        String groupVkey = fed.group.vkey().encode();
        LogServeCommand l = new LogServeCommand();
        new CommandLine(l).parseArgs("--data", dir.resolve("log").toString(), "--listen", "127.0.0.1:0", "--key", logKey.toString(),
                "--federation-vkey", groupVkey);
        try (LogServeCommand.Running log = l.start()) {
            HttpLogClient client = new HttpLogClient(log.server().baseUri());
            client.add(fed.genesis());
            client.add(fed.join(1, false));
            client.add(fed.join(2, false));
            String url = log.server().baseUri().toString();

            Run clean = run("audit", "--log", url, "--federation-vkey", groupVkey, "--log-vkey", logVkey);
            assertThat(clean.code()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("checkpoint of size 3").contains("verified 3 entries: 1 federation-key, 2 join-approved")
                    .contains("findings: 0 violations, 0 warnings");
            assertThat(clean.err()).contains("100%  3 of 3 entries");

            client.add(fed.join(3, true));
            Run bad = run("audit", "--log", url, "--federation-vkey", groupVkey, "--log-vkey", logVkey, "--quiet");
            assertThat(bad.code()).isEqualTo(1);
            assertThat(bad.out()).contains("findings: 1 violation, 0 warnings")
                    .contains("VIOLATION attestation-below-threshold [entry 3]: entry 3 (join-approved)");
            assertThat(bad.err()).isEmpty();

            Path config = dir.resolve("auditor.conf");
            Files.writeString(config, "log " + url + "/ " + logVkey + "\nfederation " + groupVkey + "\nnotice-key " + key("auditor.cli.test")
                    + "\ndata " + dir.resolve("auditor") + "\nlisten 127.0.0.1:0\npoll 1s\nenforcement off\n");
            AuditorServeCommand serve = new AuditorServeCommand();
            new CommandLine(serve).parseArgs("--config", config.toString());
            try (AuditorService s = serve.start()) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (s.state().snapshot().verifiedEntries() < 4 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                HttpResponse<String> notices = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.baseUri().resolve("/notices"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(notices.body()).contains("attestation-below-threshold").contains("kind checkpoint");
            }
        }
    }

    @Test
    void usageAndInputErrors() throws Exception {
        Run noKey = run("audit", "--log", "http://127.0.0.1:9/", "--federation-vkey", TestKeys.signer("f").verifierKey().encode());
        assertThat(noKey.code()).isEqualTo(1);
        assertThat(noKey.err()).startsWith("virex: give the log's key with --log-vkey").hasLineCount(1);
        Run down = run("audit", "--log", "http://127.0.0.1:9/", "--federation-vkey", TestKeys.signer("f").verifierKey().encode(),
                "--log-vkey", TestKeys.signer("l").verifierKey().encode(), "-q");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).startsWith("virex: cannot read the log").hasLineCount(1);
        assertThat(run("audit").code()).isEqualTo(2);
        Path badConfig = dir.resolve("bad.conf");
        Files.writeString(badConfig, "poll forever\n");
        Run bad = run("auditor", "serve", "--config", badConfig.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("configuration line 1").hasLineCount(1);
        Files.writeString(badConfig, "poll 10s\n");
        assertThat(run("auditor", "serve", "--config", badConfig.toString()).err()).contains("needs a 'log' line");
    }
}
