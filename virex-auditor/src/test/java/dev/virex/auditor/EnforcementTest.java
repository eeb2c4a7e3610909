package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.enforce.HttpMixnodeReader;
import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.notice.Notice;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.http.HttpClients;
import dev.virex.http.HttpService;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * (e) Enforcement verification against mixnodes over loopback: their signed reports and metrics,
 * read at the control address of their join decisions, against the parameters the log decided.
 */
class EnforcementTest {
    static final TestFederation F = AuditFixture.FEDERATION;
    static final AbuseParams DECIDED = AbuseParams.defaults().withEffortFloor(32);

    @TempDir
    Path dir;

    final List<HttpService> mixnodes = new ArrayList<>();

    @AfterEach
    void stop() {
        mixnodes.forEach(HttpService::close);
    }

    /** A mixnode's control endpoint serving {@code report} and a metrics page with {@code floor}. */
    int mixnode(byte[] report, long floor) {
        HttpService s = HttpService.start(HttpService.Options.loopback("mixnode"), routes -> {
            routes.get("/v1/reports/latest", ctx -> ctx.contentType("text/plain").result(report));
            routes.get("/metrics", ctx -> ctx.contentType("text/plain").result(
                    "# TYPE virex_pow_effort_floor gauge\nvirex_pow_effort_floor " + floor + ".0\nvirex_ingress_accepted_total 500.0\n"));
        });
        mixnodes.add(s);
        return s.port();
    }

    static byte[] report(SignerKey node, AbuseParams claimed, Instant end, long accepted, long rejectedInvalid) {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, r == RejectReason.INVALID_SOLUTION ? rejectedInvalid : 0L);
        }
        return new EnforcementReport(node.verifierKey().publicKey(), end.getEpochSecond() / 60 - 1, end.minusSeconds(60), end,
                claimed.digestHex(), claimed.effortFloor(), claimed.effortFloor(), accepted, rejectedInvalid, rejected).sign(node.noteSigner());
    }

    @Test
    void e_aMixnodeReportingAcceptancesBelowTheEffortFloorDoesNotEnforce() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            Instant now = a.clock.instant();
            Instant end = now.minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            SignerKey honest = TestKeys.signer("honest.mix.test");
            SignerKey lax = TestKeys.signer("lax.mix.test");
            SignerKey forger = TestKeys.signer("forger.mix.test");
            int hp = mixnode(report(honest, DECIDED, end, 800, 100), 32);
            int lp = mixnode(report(lax, AbuseParams.defaults(), end, 500, 0), 16);
            int fp = mixnode(report(lax, DECIDED, end, 10, 0), 32); // signed by another node's key
            a.genesis().add(
                    F.entry(TestFederation.params(TestFederation.T0.plusSeconds(60), Map.of("abuse.effort-floor", "32")), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(120), "honest.mix.test", "o1.test", "127.0.0.1", hp - 1), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(180), "lax.mix.test", "o2.test", "127.0.0.1", lp - 1), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(240), "forger.mix.test", "o3.test", "127.0.0.1", fp - 1), 1, 2, 3));
            a.poll();
            var client = HttpClients.newClient();
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);

            Finding below = AuditorTest.noticed(a, "enforcement-below-floor");
            assertThat(below.isViolation()).isTrue();
            assertThat(below.subject()).contains("lax.mix.test").contains("500 messages accepted").contains("below the decided floor 32");
            assertThat(below.entries()).containsExactly(3L);
            // The evidence is the mixnode's own signed report, verifiable by anyone with its vkey.
            assertThat(EnforcementReport.open(below.evidence().get(0).data().toArray(), lax.verifierKey()).effortFloor()).isEqualTo(16);
            assertThat(AuditorTest.noticed(a, "enforcement-report-invalid").subject()).contains("forger.mix.test");
            assertThat(a.recorder.findings).extracting(Finding::code).doesNotContain("enforcement-mismatch");
            // The metrics page of the lax node also shows its floor: a second finding, from the metrics.
            assertThat(AuditorTest.noticed(a, "enforcement-metrics-below-floor").subject()).contains("lax.mix.test").contains("metrics");

            assertThat(a.recorder.mixnodes).extracting(MixnodeFigures::node).containsExactlyInAnyOrder("honest.mix.test", "lax.mix.test", "forger.mix.test");
            MixnodeFigures ok = a.recorder.mixnodes.stream().filter(m -> m.node().equals("honest.mix.test")).findFirst().orElseThrow();
            assertThat(ok.problems()).isEmpty();
            assertThat(ok.accepted()).isEqualTo(800);
            assertThat(a.state.snapshot().mixnodes()).hasSize(3);
            for (Notice n : a.signedNotices()) {
                assertThat(n.auditor()).isEqualTo("auditor.audit.test");
            }
        }
    }

    @Test
    void everyIntervalIsCheckedNotOnlyTheLatestOnesARoundSees() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            Instant now = a.clock.instant();
            Instant first = now.minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(180);
            long interval = first.getEpochSecond() / 60 - 1;
            SignerKey node = TestKeys.signer("busy.mix.test");
            Map<Long, byte[]> served = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicLong latest = new java.util.concurrent.atomic.AtomicLong(interval);
            served.put(interval, report(node, DECIDED, first, 100, 0));
            HttpService s = HttpService.start(HttpService.Options.loopback("mixnode"), routes -> {
                routes.get("/v1/reports/latest", ctx -> ctx.contentType("text/plain").result(served.get(latest.get())));
                routes.get("/v1/reports/{n}", ctx -> {
                    byte[] r = served.get(Long.parseLong(ctx.pathParam("n")));
                    ctx.status(r == null ? 404 : 200).contentType("text/plain").result(r == null ? new byte[0] : r);
                });
            });
            mixnodes.add(s);
            a.genesis().add(
                    F.entry(TestFederation.params(TestFederation.T0.plusSeconds(60), Map.of("abuse.effort-floor", "32")), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(120), "busy.mix.test", "o1.test", "127.0.0.1", s.port() - 1), 1, 2, 3));
            a.poll();
            var client = HttpClients.newClient();
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);
            assertThat(a.recorder.mixnodes).extracting(MixnodeFigures::interval).containsExactly(interval);

            // Three intervals later: the next one accepted below the floor, the one after is no longer kept. The next round
            // checks what it missed, in order, before the latest.
            served.put(interval + 1, report(node, AbuseParams.defaults(), first.plusSeconds(60), 200, 0));
            served.put(interval + 3, report(node, DECIDED, first.plusSeconds(180), 300, 0));
            latest.set(interval + 3);
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);
            assertThat(a.recorder.mixnodes).extracting(MixnodeFigures::interval).containsExactly(interval, interval + 1, interval + 3);
            assertThat(a.recorder.mixnodes).extracting(MixnodeFigures::accepted).containsExactly(100L, 200L, 300L);
            Finding below = AuditorTest.noticed(a, "enforcement-below-floor");
            assertThat(below.subject()).contains("interval " + (interval + 1));
            assertThat(a.state.snapshot().series()).singleElement().satisfies(v ->
                    assertThat(v.points()).extracting(MixnodeSeries.PointView::interval).containsExactly(interval, interval + 1, interval + 3));

            // Nothing new: the latest is judged again, nothing else is fetched.
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);
            assertThat(a.recorder.mixnodes).extracting(MixnodeFigures::interval).containsExactly(interval, interval + 1, interval + 3,
                    interval + 3);
        }
    }

    @Test
    void aReportOfTheIntervalThatEndsWhenARaisedFloorActivatesIsJudgedByTheParametersOfThatInterval() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            Instant now = a.clock.instant();
            Instant end = now.minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            SignerKey node = TestKeys.signer("boundary.mix.test");
            int port = mixnode(report(node, AbuseParams.defaults(), end, 700, 10), 16);
            a.genesis().add(
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(120), "boundary.mix.test", "o1.test", "127.0.0.1", port - 1), 1, 2, 3),
                    F.entry(TestFederation.params(end, Map.of("abuse.effort-floor", "32")), 1, 2, 3));
            a.poll();
            var client = HttpClients.newClient();
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);
            // The floor of 32 activates at the interval's end, the first instant of the next interval.
            assertThat(a.recorder.findings).isEmpty();
            assertThat(a.recorder.mixnodes).singleElement().satisfies(m -> {
                assertThat(m.decidedFloor()).isEqualTo(16);
                assertThat(m.problems()).isEmpty();
            });
        }
    }

    @Test
    void implausibleStaleAndUnreachableMixnodesAreWarnings() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            Instant now = a.clock.instant();
            SignerKey noisy = TestKeys.signer("noisy.mix.test");
            SignerKey old = TestKeys.signer("old.mix.test");
            int np = mixnode(report(noisy, AbuseParams.defaults(), now.minusSeconds(60), 5, 5000), 16);
            int op = mixnode(report(old, AbuseParams.defaults(), now.minus(Duration.ofHours(2)), 5, 0), 16);
            a.genesis().add(
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(60), "noisy.mix.test", "o1.test", "127.0.0.1", np - 1), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(120), "old.mix.test", "o2.test", "127.0.0.1", op - 1), 1, 2, 3),
                    F.entry(TestFederation.join(TestFederation.T0.plusSeconds(180), "gone.mix.test", "o3.test", "127.0.0.1", 1), 1, 2, 3));
            a.poll();
            var client = HttpClients.newClient();
            a.auditor.checkEnforcement(n -> new HttpMixnodeReader(n.info().control(), client, Duration.ofSeconds(5)), now);
            assertThat(a.recorder.codes()).containsExactlyInAnyOrder("enforcement-implausible", "enforcement-stale-report",
                    "enforcement-unreachable");
            assertThat(a.recorder.findings).noneMatch(Finding::isViolation);
        }
    }
}
