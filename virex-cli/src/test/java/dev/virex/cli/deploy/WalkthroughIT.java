package dev.virex.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.http.ClientTls;
import dev.virex.http.HttpClients;
import dev.virex.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/OPERATIONS.md, "A whole network by hand", with every role in its own JVM started from the
 * packaged {@code virex} jar, scaled down: a federation of 3 members (2 to decide) after a DKG over
 * HTTPS, a log with a witness policy, one witness, an auditor and two mixnodes that join, all
 * talking HTTPS with certificates of a private CA (made here with keytool, as the walk-through
 * makes them with openssl). Checks: both joins approved and logged, followed by both nodes, the
 * log verified with the certificate pinned, and an audit without findings. The logs stay in the
 * temporary directory when the test fails, and are printed.
 */
@Tag("packaged-cli")
class WalkthroughIT {
    static final Duration SHORT = Duration.ofSeconds(60);
    static final Duration LONG = Duration.ofSeconds(120);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aWholeNetworkByHandOverHttps() throws Exception {
        try (VirexProcesses virex = new VirexProcesses(Path.of("target", "virex.jar").toAbsolutePath(), dir)) {
            try {
                walkThrough(virex);
            } catch (Throwable t) {
                virex.dump();
                System.out.println("logs kept in " + dir.resolve("logs"));
                throw t;
            }
        }
    }

    private void walkThrough(VirexProcesses virex) throws Exception {
        int base = freePorts(12);
        int witnessPort = base + 4;
        int auditorPort = base + 5;
        String logUrl = "https://127.0.0.1:" + base + "/";

        // 0. A private CA and a certificate for 127.0.0.1 that every service here presents.
        TestCertificates ca = TestCertificates.create(dir.resolve("tls"));
        TestCertificates.Leaf cert = ca.leaf("services");
        HttpClient https = HttpClients.newClient(new ClientTls(Optional.of(ca.caPem()), Set.of(cert.pin())));

        // 1. The federation: configuration, certificates in place, the DKG on every member at once.
        VirexProcesses.Result init = virex.run(SHORT, "init", "federation", "init", "--name", "walk.test", "--members", "3",
                "--threshold", "2", "--dir", "fed", "--base-port", Integer.toString(base), "--demo", "--https",
                "--witness-policy", "witnesses.policy");
        assertThat(init.code()).as(init.log()).isZero();
        Files.copy(ca.caPem(), dir.resolve("fed/ca.pem"));
        for (int i = 1; i <= 3; i++) {
            Files.copy(cert.certificate(), dir.resolve("fed/member-" + i + "/tls-cert.pem"));
            Files.copy(cert.key(), dir.resolve("fed/member-" + i + "/tls-key.pem"));
        }
        List<String[]> dkg = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            dkg.add(new String[] {"dkg-" + i, "federation", "dkg", "--config", "fed/member-" + i + "/member.json", "--timeout", "90s",
                "--linger", "5s"});
        }
        List<String[]> keys = List.of(
                new String[] {"keygen-w1", "keygen", "--name", "w1.walk.test", "--out", "witness/w1.key"},
                new String[] {"keygen-auditor", "keygen", "--name", "auditor.walk.test", "--out", "auditor/auditor.key"},
                new String[] {"keygen-node-1", "keygen", "--name", "mix-1.walk.test", "--out", "node-1/node.key"},
                new String[] {"keygen-node-2", "keygen", "--name", "mix-2.walk.test", "--out", "node-2/node.key"},
                new String[] {"keygen-operator", "keygen", "--name", "operator.walk.test", "--out", "operator.key"});
        for (String d : List.of("witness", "auditor", "node-1", "node-2")) {
            Files.createDirectories(dir.resolve(d));
        }
        List<String[]> firstRound = new ArrayList<>(dkg);
        firstRound.addAll(keys);
        List<VirexProcesses.Result> done = virex.runAll(LONG, firstRound);
        done.forEach(r -> assertThat(r.code()).as(r.name() + ":\n" + r.log()).isZero());
        String group = done.get(0).line("group ");
        assertThat(done.get(1).line("group ")).isEqualTo(group);
        assertThat(done.get(2).line("group ")).isEqualTo(group);

        // 2. The witness, the log with its witness policy, the members.
        String logVkey = virex.run(SHORT, "key-show-log", "key", "show", "fed/log/log.key").out().strip();
        String cosigner = virex.run(SHORT, "key-show-w1", "key", "show", "--cosigner", "witness/w1.key").out().strip();
        Files.writeString(dir.resolve("witnesses.policy"), "log " + logVkey + " " + logUrl + "\nwitness w1 " + cosigner
                + " https://127.0.0.1:" + witnessPort + "/\nquorum w1\n");
        Files.writeString(dir.resolve("witness/witness.conf"), "virex-witness-config/v1\nkey w1.key\ndata data\nlisten 127.0.0.1:"
                + witnessPort + "\nlog-vkey " + logVkey + "\n" + serverTls("..", cert));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("log/log.conf"), "virex-log-config/v1\nkey ../fed/log/log.key\ndata data\nlisten 127.0.0.1:"
                + base + "\nfederation-vkey " + group + "\nwitness-policy ../witnesses.policy\n" + serverTls("..", cert)
                + "tls-ca ../tls/ca.pem\n");
        virex.start("witness", "witness", "serve", "--config", "witness/witness.conf");
        virex.start("log", "log", "serve", "--config", "log/log.conf");
        for (int i = 1; i <= 3; i++) {
            virex.start("member-" + i, "federation", "serve", "--config", "fed/member-" + i + "/member.json");
        }
        virex.awaitLine("witness", l -> l.startsWith("witness serving https://"), SHORT);
        virex.awaitLine("log", l -> l.startsWith("log log.walk.test serving https://"), SHORT);
        for (int i = 1; i <= 3; i++) {
            virex.awaitLine("member-" + i, l -> l.contains(" of walk.test serving https://"), SHORT);
        }

        // 3. The auditor, and two mixnodes that follow the log and join.
        Files.writeString(dir.resolve("auditor/auditor.conf"), "log " + logUrl + " " + logVkey + "\nfederation " + group
                + "\nnotice-key auditor.key\ndata data\nlisten 127.0.0.1:" + auditorPort + "\nwitness-policy ../witnesses.policy\n"
                + "poll 1s\nenforcement off\n" + serverTls("..", cert) + "tls-ca ../tls/ca.pem\nnode-control https\n");
        virex.start("auditor", "auditor", "serve", "--config", "auditor/auditor.conf");
        for (int i = 1; i <= 2; i++) {
            Files.writeString(dir.resolve("node-" + i + "/node.conf"), "virex-node-config/v1\nkey node.key\nrole mixnode\nfederation "
                    + group + "\npolicy ../witnesses.policy\nstate state\ncontrol 127.0.0.1:" + (base + 5 + 2 * i) + "\nlisten 127.0.0.1:"
                    + (base + 6 + 2 * i) + "\nbootstrap https://127.0.0.1:" + (base + i) + "/\n" + serverTls("..", cert)
                    + "tls-ca ../tls/ca.pem\n");
            virex.start("node-" + i, "node", "serve", "--config", "node-" + i + "/node.conf");
        }
        virex.awaitLine("auditor", l -> l.startsWith("auditor serving https://"), SHORT);
        for (int i = 1; i <= 2; i++) {
            virex.awaitLine("node-" + i, l -> l.startsWith("control https://127.0.0.1:"), LONG);
        }
        List<String[]> joins = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            joins.add(new String[] {"join-" + i, "node", "join", "--key", "node-" + i + "/node.key", "--operator-key", "operator.key",
                "--federation", "https://127.0.0.1:" + (base + i) + "/", "--tls-ca", "fed/ca.pem", "--role", "mixnode",
                "--address", "127.0.0.1:" + (base + 6 + 2 * i), "--control", "127.0.0.1:" + (base + 5 + 2 * i), "--region", "eu-west",
                "--bandwidth-mbps", "100", "--receipt", "node-" + i + "/join.receipt.json", "--poll", "250ms", "--timeout", "90s"});
        }
        for (VirexProcesses.Result r : virex.runAll(LONG, joins)) {
            assertThat(r.code()).as(r.name() + ":\n" + r.log()).isZero();
            assertThat(r.out()).startsWith("approved at log index ");
        }

        // 4. Check each step: members, nodes, the log, the audit.
        VirexProcesses.Result status = virex.run(SHORT, "status", "federation", "status", "--config", "fed/member-2/member.json");
        assertThat(status.code()).as(status.log()).isZero();
        assertThat(status.out()).contains("member member-2.walk.test of walk.test").contains("directory: 2 nodes");
        assertThat(get(https, "https://127.0.0.1:" + (base + 3) + "/health")).contains("\"status\":\"ok\"");
        for (int i = 1; i <= 2; i++) {
            String control = "https://127.0.0.1:" + (base + 5 + 2 * i);
            await(() -> get(https, control + "/health"), h -> h.contains("\"status\":\"ok\""), "node-" + i + " ok");
            await(() -> get(https, control + "/v1/routing"), t -> t.contains("mix-1.walk.test") && t.contains("mix-2.walk.test"),
                    "node-" + i + " routes to both mixnodes");
        }
        VirexProcesses.Result check = virex.run(SHORT, "log-check", "log", "check", "--url", logUrl, "--vkey", logVkey,
                "--tls-ca", "fed/ca.pem", "--tls-pin", cert.pin());
        assertThat(check.code()).as(check.log()).isZero();
        assertThat(check.out()).contains("checkpoint: origin log.walk.test");
        VirexProcesses.Result audit = virex.run(LONG, "audit", "audit", "--log", logUrl, "--federation-vkey", group, "--log-vkey",
                logVkey, "--witness-policy", "witnesses.policy", "--tls-ca", "fed/ca.pem", "--quiet");
        assertThat(audit.code()).as(audit.out() + audit.log()).isZero();
        assertThat(audit.out()).contains("2 join-approved").contains("cosigned by w1").contains("findings: 0 violations, 0 warnings");
        String auditor = "https://127.0.0.1:" + auditorPort;
        String state = await(() -> get(https, auditor + "/state"), s -> s.contains("\"join-approved\":2"), "the auditor audited both joins");
        assertThat(state).contains("\"findings\":[]").contains("\"halted\":null");
        assertThat(get(https, auditor + "/notices")).as("checkpoint notices only").contains("\"kind\":\"checkpoint\"")
                .doesNotContain("\"kind\":\"finding\"");
        virex.assertAllAlive();
    }

    /** The tls-cert and tls-key lines of a configuration file one folder below {@code up}. */
    private String serverTls(String up, TestCertificates.Leaf cert) {
        return "tls-cert " + up + "/tls/" + cert.certificate().getFileName() + "\ntls-key " + up + "/tls/" + cert.key().getFileName() + "\n";
    }

    interface Fetch {
        String get() throws IOException;
    }

    private static String await(Fetch f, Predicate<String> ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SHORT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = f.get();
                if (ok.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not true within " + SHORT + ": " + what + "; last answer: " + last);
    }

    private static String get(HttpClient client, String url) throws IOException {
        HttpClients.Response r = HttpClients.exchange(client, HttpClients.request(URI.create(url), Duration.ofSeconds(10)).GET().build(),
                1 << 20);
        return r.status() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A base port P such that P .. P + n are free now. */
    static int freePorts(int n) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + random.nextInt(40_000);
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i <= n; i++) {
                    held.add(new ServerSocket(base + i, 50, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (IOException busy) {
                // try another range
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IOException("no free range of " + n + " ports");
    }
}
