package dev.virex.cli.log;

import dev.virex.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.Main;
import dev.virex.cli.UserError;
import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.log.http.HttpLogClient;
import dev.virex.testkit.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogCliTest {
    static final SignerKey FEDERATION = TestKeys.signer("federation.cli.test");

    @TempDir
    Path dir;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private LogServeCommand.Running serve(Path data, Path key) {
        LogServeCommand cmd = new LogServeCommand();
        new CommandLine(cmd).parseArgs("--data", data.toString(), "--listen", "127.0.0.1:0", "--key", key.toString(),
                "--federation-vkey", FEDERATION.verifierKey().encode());
        return cmd.start();
    }

    private Path key(String name) {
        Path k = dir.resolve(name + ".key");
        if (!Files.exists(k)) {
            KeyFiles.writeNew(k, TestKeys.signer("log.cli.test"));
        }
        return k;
    }

    static Bytes decision(String text) {
        return Bytes.wrap(Note.sign(text + "\n", FEDERATION.noteSigner()).encode());
    }

    @Test
    void serveThenCheckWithSinceAndSave() throws Exception {
        Path key = key("log");
        String vkey = KeyFiles.read(key).verifierKey().encode();
        try (LogServeCommand.Running r = serve(dir.resolve("data"), key)) {
            HttpLogClient client = new HttpLogClient(r.server().baseUri());
            // 16 concurrent clients: enough for group commits, few enough for the listen backlog
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
                java.util.List<java.util.concurrent.Future<?>> adds = new java.util.ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    Bytes d = decision("decision " + i);
                    adds.add(pool.submit(() -> client.add(d)));
                }
                for (var f : adds) {
                    f.get();
                }
            }
            String url = r.server().baseUri().toString();
            Path saved = dir.resolve("cp");
            CliRun first = run("log", "check", "--url", url, "--vkey", vkey, "--save", saved.toString());
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("tree size 300").contains("verified 300 entries in 2 entry bundles and 3 hash tiles");
            assertThat(first.err()).contains("verified 300 of 300 entries");
            client.add(decision("one more"));
            CliRun second = run("log", "check", "--url", url, "--vkey", vkey, "--since", saved.toString());
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out()).contains("tree size 301").contains("consistent with the earlier checkpoint of tree size 300");
        }
        assertThat(dir.resolve("data/checkpoint")).exists();
        assertThat(dir.resolve("data/tile/entries/001.p/45")).exists();
    }

    @Test
    void checkNamesASplitView() throws Exception {
        Path key = key("log");
        String vkey = KeyFiles.read(key).verifierKey().encode();
        Path forkCp = dir.resolve("fork.cp");
        try (LogServeCommand.Running fork = serve(dir.resolve("fork"), key)) {
            new HttpLogClient(fork.server().baseUri()).add(decision("approved: mallory"));
            Files.write(forkCp, fork.log().checkpoint().toArray());
        }
        try (LogServeCommand.Running honest = serve(dir.resolve("honest"), key)) {
            HttpLogClient client = new HttpLogClient(honest.server().baseUri());
            client.add(decision("approved: alice"));
            client.add(decision("approved: bob"));
            CliRun r = run("log", "check", "--url", honest.server().baseUri().toString(), "--vkey", vkey, "--since", forkCp.toString());
            assertThat(r.code()).isEqualTo(1);
            String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(last).startsWith("virex: SPLIT VIEW: ").contains("inconsistent");
        }
    }

    @Test
    void clearOneLineErrors() throws Exception {
        String vkey = KeyFiles.read(key("log")).verifierKey().encode();
        CliRun badKey = run("log", "check", "--url", "http://127.0.0.1:1/", "--vkey", "nope");
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(badKey.err()).contains("invalid --vkey");
        CliRun down = run("log", "check", "--url", "http://127.0.0.1:1/", "--vkey", vkey);
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).startsWith("virex: cannot read the log at http://127.0.0.1:1/");
        CliRun badUrl = run("log", "check", "--url", "ftp://x/", "--vkey", vkey);
        assertThat(badUrl.err()).contains("http:// or https://");
        assertThat(run("log").code()).isEqualTo(2);
        CliRun badListen = run("log", "serve", "--data", dir.resolve("d").toString(), "--listen", "8080", "--key",
                key("log").toString(), "--federation-vkey", FEDERATION.verifierKey().encode());
        assertThat(badListen.code()).isEqualTo(1);
        assertThat(badListen.err()).contains("expected HOST:PORT");
        assertThatThrownBy(() -> HostPort.parse("::1:80")).isInstanceOf(UserError.class);
        assertThat(HostPort.parse("[::1]:8080")).isEqualTo(new HostPort("::1", 8080));
    }

    @Test
    void serveRefusesADamagedDataDirectory() throws Exception {
        Path key = key("log");
        try (LogServeCommand.Running r = serve(dir.resolve("data"), key)) {
            new HttpLogClient(r.server().baseUri()).add(decision("x"));
        }
        Files.write(dir.resolve("data/checkpoint"), "garbage\n".getBytes());
        CliRun r = run("log", "serve", "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0", "--key", key.toString(),
                "--federation-vkey", FEDERATION.verifierKey().encode());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("virex: cannot open the log in ").contains("checkpoint file").contains("damaged");
    }
}
