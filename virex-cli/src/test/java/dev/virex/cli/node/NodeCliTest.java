package dev.virex.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.Main;
import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.LocalSigning;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code virex node serve}: a node follows a real log, reports its health, stops cleanly; bad configurations are one-line errors. */
class NodeCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static List<KeyShare> group() throws Exception {
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(TestKeys.signer("member" + i + ".cli.test"));
        }
        DeterministicRandom r = new DeterministicRandom("node-cli");
        return LocalDkg.run(new DkgConfig("federation.cli.test", 2, SessionId.random(r), ids.stream().map(SignerKey::verifierKey).toList()),
                ids.stream().map(SignerKey::noteSigner).toList(), r);
    }

    static Bytes genesis(List<KeyShare> shares) throws Exception {
        GroupKey g = shares.get(0).group();
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : g.members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), TestKeys.signer(m.name()).verifierKey(), m.verifyingShare().serialize()));
        }
        FederationKey fk = new FederationKey(new Header(DecisionKind.FEDERATION_KEY, g.vkey().name(), Instant.parse("2026-03-01T00:00:00Z")),
                g.vkey(), 2, members, Optional.empty());
        return Bytes.wrap(LocalSigning.sign(fk, shares.subList(0, 2), new DeterministicRandom("genesis")));
    }

    @Test
    void aNodeFollowsTheLogAndReportsItsHealth() throws Exception {
        List<KeyShare> shares = group();
        SignerKey logKey = TestKeys.signer("log.cli.test");
        try (TiledLog log = TiledLog.open(LogConfig.defaults(dir.resolve("log"), logKey.noteSigner(), logKey.verifierKey().noteVerifier(),
                Verifiers.of(shares.get(0).group().vkey().noteVerifier())));
             LogServer server = LogServer.start(log, HttpService.Options.loopback("log"))) {
            log.add(genesis(shares));
            Path key = dir.resolve("node.key");
            assertThat(run("keygen", "--name", "box.cli.test", "--out", key.toString()).code()).isZero();
            Files.writeString(dir.resolve("policy.txt"), "log " + logKey.verifierKey().encode() + " " + server.baseUri() + "\nquorum none\n");
            Path conf = dir.resolve("node.conf");
            Files.writeString(conf, "virex-node-config/v1\nkey node.key\nrole mailbox\nfederation " + shares.get(0).group().vkey().encode()
                    + "\npolicy policy.txt\nstate state\ncontrol 127.0.0.1:0\n");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread node = new Thread(() -> code.set(Main.execute(new String[] {"node", "serve", "--config", conf.toString(), "--for", "120s"},
                    new PrintWriter(out, true), new PrintWriter(err, true))));
            node.start();
            try {
                String control = null;
                for (int i = 0; i < 600 && control == null; i++) {
                    control = out.toString().lines().filter(l -> l.startsWith("control ")).map(l -> l.substring(8)).findFirst().orElse(null);
                    if (control == null) {
                        assertThat(node.isAlive()).as(err.toString()).isTrue();
                        Thread.sleep(50);
                    }
                }
                assertThat(control).as(err.toString()).isNotNull();
                assertThat(out.toString()).contains("node box.cli.test (mailbox)", "log-size 1, status pending");
                HttpClients.Response health = HttpClients.exchange(HttpClients.newClient(),
                        HttpClients.request(URI.create(control + "/health"), Duration.ofSeconds(10)).GET().build(), 1 << 16);
                assertThat(health.status()).isEqualTo(200);
                assertThat(new String(health.body(), StandardCharsets.UTF_8)).contains("\"status\":\"pending\"", "\"witnessed\":false");
            } finally {
                node.interrupt();
                node.join(30_000);
            }
            assertThat(node.isAlive()).isFalse();
            assertThat(err.toString()).contains("virex: node stopped at log size 1, status pending");
            assertThat(dir.resolve("state").resolve("node.state")).exists();
        }
    }

    @Test
    void badConfigurationsAreOneLineErrors() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "virex-node-config/v1\ncolour blue\n");
        Run r = run("node", "serve", "--config", conf.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("line 2: unknown key 'colour'");

        Files.writeString(conf, "virex-node-config/v1\nkey missing.key\nrole ods\nfederation " + TestKeys.signer("f.cli.test").verifierKey().encode()
                + "\npolicy p.txt\nstate s\ncontrol 127.0.0.1:0\n");
        Run missing = run("node", "serve", "--config", conf.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("virex: cannot start the node: key file").contains("does not exist");
        assertThat(run("node", "serve").code()).isEqualTo(2);
        assertThat(run("node", "serve", "--config", dir.resolve("nope.conf").toString()).code()).isEqualTo(1);
        assertThat(run("node", "--help").out()).contains("serve");
    }
}
