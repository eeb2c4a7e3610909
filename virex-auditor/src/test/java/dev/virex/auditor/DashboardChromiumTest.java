package dev.virex.auditor;

import static dev.virex.testkit.DomText.all;
import static dev.virex.testkit.DomText.count;
import static dev.virex.testkit.DomText.one;
import static dev.virex.testkit.DomText.row;
import static dev.virex.testkit.DomText.section;
import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.client.HttpMixnodeApi;
import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.client.TcpIngress;
import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.node.agent.NodeAgent;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.HeadlessChromium;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: a live network (log with a 2-of-3 witness quorum, a 3-of-5 FROST
 * federation deciding joins, a removal and a parameter change, node agents following the log,
 * mixnodes serving clients and an attacker and reporting every second, the auditor service
 * following it all) is rendered by headless Chromium. The test checks the screenshot and the DOM
 * after the page's refresh script ran. Skipped without Chromium, except on CI, where it must run.
 */
class DashboardChromiumTest {
    static final TestFederation F = AuditFixture.FEDERATION;
    static final int WIDTH = 1400;
    static final int HEIGHT = 2400;
    static final Duration CHROMIUM_TIMEOUT = Duration.ofSeconds(90);
    static final Path OUT = Path.of("target", "dashboard");
    /** The colour of the dashboard's header band. */
    static final int HEADER_RGB = 0x14213d;

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsTheLiveNetworkInABrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.forTest();
        try (LiveNetwork net = new LiveNetwork(dir); PowSolver solver = new PowSolver(1)) {
            net.decide(F.genesis(), 1, 2, 3);
            net.decide(TestFederation.params(net.time(), Map.of("abuse.effort-floor", "24")), 2, 4, 5);
            net.decide(net.epoch(1), 1, 3, 5);
            NodeAgent mix1 = net.node("mix-1.dashboard.test", NodeRole.MIXNODE);
            NodeAgent mix2 = net.node("mix-2.dashboard.test", NodeRole.MIXNODE);
            NodeAgent box = net.node("mailbox-1.dashboard.test", NodeRole.MAILBOX);
            net.decide(join(net, LiveNetwork.info(mix1, NodeRole.MIXNODE, "eu-west", "op-1.dashboard.test")), 1, 2, 3);
            net.decide(join(net, LiveNetwork.info(mix2, NodeRole.MIXNODE, "us-east", "op-2.dashboard.test")), 2, 3, 4);
            net.decide(join(net, LiveNetwork.info(box, NodeRole.MAILBOX, "eu-west", "op-1.dashboard.test")), 1, 4, 5);
            net.decide(TestFederation.join(net.time(), "ods-1.dashboard.test", "op-3.dashboard.test", NodeRole.ODS, "ap-south",
                    "127.0.0.1", 9), 3, 4, 5);
            net.decide(TestFederation.join(net.time(), "mix-3.dashboard.test", "op-4.dashboard.test", NodeRole.MIXNODE, "us-east",
                    "127.0.0.1", 9), 1, 2, 5);
            net.decide(TestFederation.remove(net.time(), "mix-3.dashboard.test"), 2, 3, 5);
            await("the mixnodes to follow the log and publish a first report", () -> mix1.health().status().equals("ok")
                    && mix2.health().status().equals("ok") && published(mix1) && published(mix2));
            AuditorService auditor = net.auditor("auditor.dashboard.test");

            // Clients pay the PoW: five honest ones within their rate, and an attacker flooding each mixnode.
            for (int round = 0; round < 4; round++) {
                int before = auditor.state().snapshot().total().size();
                for (NodeAgent m : List.of(mix1, mix2)) {
                    for (int c = 2; c <= 6; c++) {
                        send(m, "127.0.0." + c, 3, solver);
                    }
                    send(m, "127.0.0.66", 30, solver);
                }
                await("a new report interval checked by the auditor", () -> auditor.state().snapshot().total().size() > before);
            }
            await("the auditor to verify every entry with the witnesses' cosignatures", () -> {
                AuditState.Snapshot s = auditor.state().snapshot();
                return s.verifiedEntries() == 9 && !s.checkpoints().isEmpty() && s.checkpoints().get(0).cosigners().size() >= 2
                        && s.series().size() == 2 && s.series().stream().allMatch(v -> v.points().size() >= 3);
            });

            URI page = auditor.dashboardUri();
            assertThat(page.getPath()).isEqualTo("/dashboard");
            Files.createDirectories(OUT);
            Path png = OUT.resolve("dashboard.png");
            chromium.screenshot(page, png, WIDTH, HEIGHT, 3000, CHROMIUM_TIMEOUT);
            String dom = chromium.dumpDom(page, 12_000, CHROMIUM_TIMEOUT);
            Files.writeString(OUT.resolve("dashboard-dom.html"), dom, StandardCharsets.UTF_8);

            HeadlessChromium.checkScreenshot(png, WIDTH, HEIGHT, HEADER_RGB);
            checkDom(dom);
        }
    }

    static JoinApproved join(LiveNetwork net, NodeInfo info) {
        return new JoinApproved(TestFederation.header(DecisionKind.JOIN_APPROVED, net.time()), info, TestFederation.sha256(info.id()));
    }

    /** {@code count} messages from a client at {@code ip}, one attempt each (an over-limit message counts as rejected). */
    static void send(NodeAgent mixnode, String ip, int count, PowSolver solver) throws Exception {
        try (TcpIngress tcp = TcpIngress.connect(mixnode.packetAddress().orElseThrow(), InetAddress.getByName(ip), Duration.ofSeconds(10))) {
            MixnodeClient c = new MixnodeClient(new HttpMixnodeApi(mixnode.controlUri()), tcp, solver, new DeterministicRandom("client:" + ip),
                    d -> { }, Clock.systemUTC(), new MixnodeClient.Options(1, 1 << 20), MixnodeClient.Listener.NONE);
            for (int i = 0; i < count; i++) {
                c.send(MessagePayload.real(Bytes.wrap(("message " + i + " from " + ip).getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    /** Whether the mixnode serves a signed enforcement report yet (the auditor would find it unreachable before). */
    static boolean published(NodeAgent mixnode) {
        try {
            new HttpMixnodeApi(mixnode.controlUri()).report(-1);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(100);
        }
    }

    static void checkDom(String dom) {
        // The refresh script ran: it read /state and says the page is live.
        assertThat(Integer.parseInt(one(dom, "data-refreshes=\"(\\d+)\""))).isGreaterThanOrEqualTo(1);
        assertThat(one(dom, "id=\"live\"[^>]*>([^<]*)<")).startsWith("Live: 9 entries verified");

        // The map lists the admitted nodes by role; the removed mixnode is listed apart.
        assertThat(all(dom, "data-node=\"([^\"]+)\" data-role=\"([^\"]+)\"")).containsExactlyInAnyOrder(
                "mix-1.dashboard.test mixnode", "mix-2.dashboard.test mixnode", "mailbox-1.dashboard.test mailbox", "ods-1.dashboard.test ods");
        assertThat(all(dom, "data-removed=\"([^\"]+)\"")).containsExactly("mix-3.dashboard.test");
        assertThat(all(dom, "<li class=\"node mixnode ok\"[^>]*data-node=\"([^\"]+)\"")).containsExactlyInAnyOrder(
                "mix-1.dashboard.test", "mix-2.dashboard.test");

        // The timeline shows every decision with its log index, kind, status and signers. Every node of this network is
        // on 127.0.0.x: the fourth join from one /24 within the hour is an onboarding warning naming the joins in the window.
        assertThat(all(dom, "<tr data-index=\"(\\d+)\" data-kind=\"([^\"]+)\" data-status=\"([^\"]+)\"")).containsExactly(
                "8 node-removed verified", "7 join-approved verified", "6 join-approved warning", "5 join-approved warning",
                "4 join-approved warning", "3 join-approved warning", "2 epoch verified", "1 params-changed verified",
                "0 federation-key verified");
        assertThat(all(dom, "<tr data-code=\"([^\"]+)\"")).containsExactly("join-burst-subnet");
        assertThat(all(row(dom, "<tr data-index=\"4\""), "<li class=\"signer\">([^<]+)</li>"))
                .containsExactly(TestFederation.member(2), TestFederation.member(3), TestFederation.member(4));
        assertThat(all(row(dom, "<tr data-index=\"8\""), "<li class=\"signer\">([^<]+)</li>"))
                .containsExactly(TestFederation.member(2), TestFederation.member(3), TestFederation.member(5));

        // Checkpoints show the witnesses that cosigned them: at least the quorum of 2 of the 3.
        List<String> cosigners = all(row(dom, "<tr data-size=\"9\""), "<li class=\"witness\">([^<]+)</li>");
        assertThat(cosigners).hasSizeGreaterThanOrEqualTo(2)
                .isSubsetOf("witness1.dashboard.test", "witness2.dashboard.test", "witness3.dashboard.test");

        // The parameters: the floor decided at entry 1 is in force, and the history shows the change.
        assertThat(row(dom, "<tr class=\"pow\" data-param=\"abuse.effort-floor\"")).contains(">24<").contains("entry #1");
        assertThat(row(dom, "<tr data-param=\"abuse.effort-floor\" data-index=\"1\"")).contains("16").contains("\u2192").contains("24");

        // The plots have data points: the total and one plot per mixnode, accepted and rejected.
        String total = section(dom, "<figure class=\"plot total\">", "</figure>");
        assertThat(count(total, "<circle ")).isGreaterThanOrEqualTo(2 * 3);
        assertThat(all(dom, "<figure class=\"plot[^\"]*\" data-node=\"([^\"]+)\"")).containsExactlyInAnyOrder(
                "mix-1.dashboard.test", "mix-2.dashboard.test");
        assertThat(one(total, "<desc [^>]*>([^<]+)</desc>")).matches("\\d+ report intervals from .* UTC\\. Latest: .*");
    }
}
