package dev.virex.cli.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.Main;
import dev.virex.cli.log.LogServeCommand;
import dev.virex.core.note.SignerKey;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.federation.MemberLauncher;
import dev.virex.federation.api.Receipt;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import dev.virex.http.HttpService;
import dev.virex.testkit.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole operator story through the CLI: init, dkg over HTTP, log, serve, node join, status, review, propose. */
class FederationCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A base port P such that P .. P + n are free now. */
    static int freePorts(int n) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + new SecureRandom().nextInt(40_000);
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i <= n; i++) {
                    held.add(new ServerSocket(base + i, 50, java.net.InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (java.io.IOException busy) {
                // try another range
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IllegalStateException("no free port range");
    }

    @Test
    void initDkgServeJoinStatusReviewPropose() throws Exception {
        int base = freePorts(3);
        Path fed = dir.resolve("fed");
        Run init = run("federation", "init", "--name", "fed.cli.test", "--members", "3", "--threshold", "2", "--dir", fed.toString(),
                "--base-port", Integer.toString(base), "--demo");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("2 of 3 members").contains("member-3.fed.cli.test");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fed.resolve("member-1/identity.key")))).isEqualTo("rw-------");
        assertThat(run("federation", "init", "--name", "fed.cli.test", "--members", "3", "--threshold", "2", "--dir", fed.toString()).err())
                .contains("refusing to overwrite");

        List<Run> dkg = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String cfg = fed.resolve("member-" + i + "/member.json").toString();
                runs.add(pool.submit(() -> run("federation", "dkg", "--config", cfg, "--timeout", "60s", "--linger", "5s")));
            }
            for (Future<Run> f : runs) {
                dkg.add(f.get());
            }
        }
        for (Run r : dkg) {
            assertThat(r.code()).as(r.err()).isZero();
        }
        String group = dkg.get(0).out().lines().filter(l -> l.startsWith("group ")).findFirst().orElseThrow().substring(6);
        assertThat(dkg.get(2).out()).contains("group " + group);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fed.resolve("member-2/key-share.txt")))).isEqualTo("rw-------");

        LogServeCommand logCmd = new LogServeCommand();
        new CommandLine(logCmd).parseArgs("--data", dir.resolve("log").toString(), "--listen", "127.0.0.1:" + base,
                "--key", fed.resolve("log/log.key").toString(), "--federation-vkey", group);
        List<MemberLauncher.Running> members = new ArrayList<>();
        SignerKey nodeKey = TestKeys.signer("mix-cli.node.test");
        try (LogServeCommand.Running log = logCmd.start();
             HttpService responder = probeResponder(nodeKey)) {
            for (int i = 1; i <= 3; i++) {
                members.add(MemberLauncher.start(MemberConfig.load(fed.resolve("member-" + i + "/member.json")), Clock.systemUTC(),
                        new SecureRandom()));
            }
            Path nodeFile = dir.resolve("node.key");
            Path opFile = dir.resolve("operator.key");
            KeyFiles.writeNew(nodeFile, nodeKey);
            KeyFiles.writeNew(opFile, TestKeys.signer("operator-cli.test"));
            Path receipt = dir.resolve("join.receipt.json");
            Run join = run("node", "join", "--key", nodeFile.toString(), "--operator-key", opFile.toString(), "--federation",
                    "http://127.0.0.1:" + (base + 1), "--role", "mixnode", "--address", "10.9.9.9:4000", "--control",
                    "127.0.0.1:" + responder.port(), "--region", "eu-west", "--bandwidth-mbps", "100", "--software", "0.1.0",
                    "--receipt", receipt.toString(), "--poll", "200ms", "--timeout", "60s", "--threads", "1");
            assertThat(join.code()).as(join.err()).isZero();
            assertThat(join.out()).startsWith("approved at log index ");
            assertThat(join.err()).contains("solving the join stamp").contains("submitted join request");
            Receipt r = ConfigFiles.read(receipt, Receipt.class);
            FederationConfig fc = ConfigFiles.read(fed.resolve("federation.json"), FederationConfig.class);
            assertThat(r.verify(dev.virex.core.note.VerifierKey.parse(group).noteVerifier(), fc.log().key().noteVerifier()).text())
                    .contains("kind join-approved").contains("node " + nodeKey.verifierKey().encode());

            String cfg = fed.resolve("member-2/member.json").toString();
            Run status = run("federation", "status", "--config", cfg);
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(status.out()).contains("member member-2.fed.cli.test of fed.cli.test").contains("directory: 1 nodes");
            assertThat(run("federation", "review", "list", "--config", cfg).code()).isZero();
            Run propose = run("federation", "propose", "params", "--set", "abuse.effort-floor=64", "--config", cfg);
            assertThat(propose.code()).as(propose.err()).isZero();
            assertThat(propose.out()).matches("proposed [0-9a-f]{64}\\s*");
            Run badParam = run("federation", "propose", "params", "--set", "pow.x=1", "--config", cfg);
            assertThat(badParam.code()).isEqualTo(1);
            assertThat(badParam.err()).contains("unknown parameter 'pow.x'");
        } finally {
            members.forEach(MemberLauncher.Running::close);
        }
        Run down = run("federation", "status", "--config", fed.resolve("member-1/member.json").toString());
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("is 'virex federation serve' running?");
    }

    static HttpService probeResponder(SignerKey node) {
        return HttpService.start(HttpService.Options.loopback("probe"), routes -> routes.post("/probe", ctx -> {
            Probe p = Probe.parse(new String(HttpService.body(ctx, Probe.MAX_TEXT), StandardCharsets.UTF_8));
            ctx.result(new ProbeAnswer(node.name(), p.challenge(), Instant.now(), "0.1.0").sign(node.noteSigner()));
        }));
    }

    @Test
    void clearOneLineErrors() {
        Run badThreshold = run("federation", "init", "--name", "f.test", "--members", "2", "--threshold", "3", "--dir", dir.toString());
        assertThat(badThreshold.code()).isEqualTo(1);
        assertThat(badThreshold.err().strip()).isEqualTo("virex: need 1 <= --threshold <= --members <= 64");
        assertThat(run("federation").code()).isEqualTo(2);
        assertThat(run("federation", "serve", "--config", dir.resolve("nope.json").toString()).err()).contains("does not exist");
        Path k = dir.resolve("k.key");
        KeyFiles.writeNew(k, TestKeys.signer("n.test"));
        Run badNode = run("node", "join", "--key", k.toString(), "--operator-key", k.toString(), "--federation", "http://127.0.0.1:1",
                "--role", "mixnode", "--address", "10.0.0.1:1", "--control", "10.0.0.1:2", "--region", "eu", "--bandwidth-mbps", "1",
                "--software", "1");
        assertThat(badNode.code()).isEqualTo(1);
        assertThat(badNode.err()).contains("cannot reach http://127.0.0.1:1");
        assertThat(run("federation", "review", "reject", "a", "--reason", "Bad Code", "--config", k.toString()).code()).isEqualTo(1);
    }
}
