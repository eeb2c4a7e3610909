package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.config.AuditorConfigException;
import dev.virex.auditor.enforce.MetricsFormatException;
import dev.virex.auditor.enforce.PrometheusText;
import dev.virex.auditor.gossip.GossipFormatException;
import dev.virex.auditor.gossip.GossipMessage;
import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.notice.Notice;
import dev.virex.auditor.notice.NoticeFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The auditor's formats against their vectors: notices, gossip messages, configuration, metrics. */
class FormatsTest {
    static Stream<String> noticeErrors() {
        return Vectors.files("notice", "error_");
    }

    static Stream<String> noticeValid() {
        return Vectors.files("notice", "valid_").filter(f -> f.endsWith(".txt"));
    }

    static Stream<String> gossipErrors() {
        return Vectors.files("gossip", "error_");
    }

    static Stream<String> configErrors() {
        return Vectors.files("config", "error_");
    }

    static Stream<String> metricsErrors() {
        return Vectors.files("metrics", "error_");
    }

    static String text(String dir, String file) {
        return new String(Vectors.bytes(dir, file), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("noticeValid")
    void validNoticesParseCanonically(String file) throws Exception {
        String t = text("notice", file);
        assertThat(Notice.parse(t).text()).isEqualTo(t);
    }

    @ParameterizedTest
    @MethodSource("noticeErrors")
    void malformedNoticesAreRefused(String file) {
        assertThatThrownBy(() -> Notice.parse(text("notice", file))).isInstanceOf(NoticeFormatException.class);
    }

    @Test
    void aSignedNoticeOpensUnderItsAuditorsKeyOnly() throws Exception {
        VerifierKey key = VerifierKey.parse(text("notice", "signed_by").strip());
        byte[] note = Vectors.bytes("notice", "valid_signed_finding.note");
        Notice n = Notice.open(note, key);
        assertThat(n.serial()).isEqualTo(9);
        assertThat(((Finding) n.subject()).entries()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThatThrownBy(() -> Notice.open(note, TestKeys.signer("someone.else").verifierKey())).isInstanceOf(NoteException.class);
        // Signed by a key other than the auditor the text names.
        var impostor = TestKeys.signer("impostor.example.org");
        byte[] forged = dev.virex.core.note.Note.sign(n.text(), impostor.noteSigner()).encode();
        assertThatThrownBy(() -> Notice.open(forged, impostor.verifierKey())).isInstanceOf(NoticeFormatException.class);
    }

    @Test
    void theSplitViewNoticeCarriesTwoSignedCheckpoints() throws Exception {
        Finding f = (Finding) Notice.parse(text("notice", "valid_finding_split_view.txt")).subject();
        assertThat(f.evidence()).hasSize(2).allSatisfy(e -> assertThat(SignedCheckpoint.open(e.data().toArray(),
                TestKeys.signer("log.example.org").verifierKey().noteVerifier()).checkpoint().size()).isEqualTo(1234));
    }

    @Test
    void findingsAreNormalisedByTheirFactoryAndValidatedByTheirConstructor() {
        Finding f = Finding.of("x-y", Finding.Severity.WARNING, " a\tsubject " + "z".repeat(400), java.util.List.of(5L, 1L, 5L), java.util.List.of());
        assertThat(f.entries()).containsExactly(1L, 5L);
        assertThat(f.subject()).hasSize(Finding.MAX_SUBJECT).startsWith("a subject").endsWith("...");
        assertThatThrownBy(() -> new Finding("Bad", Finding.Severity.WARNING, "s", java.util.List.of(), java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSeen("o", 1, dev.virex.core.Bytes.wrap(new byte[31]), java.util.List.of(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gossipMessagesRoundTrip() throws Exception {
        for (String f : Vectors.files("gossip", "valid_").toList()) {
            byte[] b = Vectors.bytes("gossip", f);
            assertThat(GossipMessage.parse(b).encode()).isEqualTo(b);
        }
        assertThat(GossipMessage.parse(Vectors.bytes("gossip", "valid_one_checkpoint.txt")).checkpoints()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("gossipErrors")
    void malformedGossipIsRefused(String file) {
        assertThatThrownBy(() -> GossipMessage.parse(Vectors.bytes("gossip", file))).isInstanceOf(GossipFormatException.class);
    }

    @Test
    void aFullConfigurationParsesAndItsTextParsesToTheSame() throws Exception {
        AuditorConfig c = AuditorConfig.parse(Vectors.bytes("config", "valid_full.txt"));
        assertThat(c.logKey().orElseThrow().name()).isEqualTo("log.example.org");
        assertThat(c.peers()).hasSize(2);
        assertThat(c.poll()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.limits().params()).containsKeys("abuse.effort-floor", "abuse.rate-per-minute");
        assertThat(c.limits().maxChangeFactor()).isEqualTo(4);
        assertThat(c.limits().removalEvidence()).isTrue();
        assertThat(c.rules().regionJoins()).isEmpty();
        assertThat(c.rules().approverBurst().orElseThrow().within()).isEqualTo(Duration.ofHours(6));
        assertThat(c.rules().softwareMin()).contains("1.2.0");
        assertThat(AuditorConfig.parse(c.text().getBytes(StandardCharsets.UTF_8))).isEqualTo(c);
        AuditorConfig min = AuditorConfig.parse(Vectors.bytes("config", "valid_minimal.txt"));
        assertThat(min.rules().rejoin()).isFalse();
        assertThat(min.logUrl()).isEmpty();
        assertThat(AuditorConfig.parse(new byte[0])).isEqualTo(AuditorConfig.defaults());
        assertThat(c.transport()).isEqualTo(dev.virex.auditor.config.Transport.DEFAULTS);
    }

    @Test
    void transportSettingsParseAndResolveAgainstTheFilesFolder() throws Exception {
        AuditorConfig c = AuditorConfig.parse(Vectors.bytes("config", "valid_https.txt"));
        assertThat(c.transport().nodeControl()).isEqualTo("https");
        assertThat(c.transport().allowPlainHttp()).isFalse();
        assertThat(c.transport().tls().pins()).hasSize(2);
        assertThat(c.transport().tls().server()).isPresent();
        assertThat(AuditorConfig.parse(c.text().getBytes(StandardCharsets.UTF_8))).isEqualTo(c);
        AuditorConfig r = c.resolvedAgainst(java.nio.file.Path.of("/srv/auditor"));
        assertThat(r.transport().tls().certificate()).contains(java.nio.file.Path.of("/srv/auditor/auditor.crt.pem"));
        assertThat(r.transport().tls().trustedCertificates()).contains(java.nio.file.Path.of("/etc/virex/ca.pem"));
        assertThat(r.noticeKey()).contains(java.nio.file.Path.of("/etc/virex/auditor.key"));
        AuditorConfig relative = AuditorConfig.parse("notice-key auditor.key\ndata data\nwitness-policy w.policy\n".getBytes(StandardCharsets.UTF_8))
                .resolvedAgainst(java.nio.file.Path.of("/srv/auditor"));
        assertThat(relative.noticeKey()).contains(java.nio.file.Path.of("/srv/auditor/auditor.key"));
        assertThat(relative.data()).contains(java.nio.file.Path.of("/srv/auditor/data"));
        assertThat(relative.witnessPolicy()).contains(java.nio.file.Path.of("/srv/auditor/w.policy"));
        assertThatThrownBy(() -> AuditorConfig.parse(Vectors.bytes("config", "error_tls_cert_without_key.txt")))
                .hasMessage("configuration line 3: tls-cert and tls-key go together: give both or neither");
    }

    @ParameterizedTest
    @MethodSource("configErrors")
    void badConfigurationsAreRefused(String file) {
        assertThatThrownBy(() -> AuditorConfig.parse(Vectors.bytes("config", file))).isInstanceOf(AuditorConfigException.class)
                .hasMessageStartingWith("configuration")
                .satisfies(e -> assertThat(e.getMessage()).matches(file.contains("control") ? "configuration: .*" : "configuration line [0-9]+: .*"));
    }

    @Test
    void micrometerMetricsParse() throws Exception {
        PrometheusText p = PrometheusText.parse(Vectors.bytes("metrics", "valid_micrometer.txt"));
        assertThat(p.value("virex_pow_effort_floor")).contains(16.0);
        assertThat(p.samples()).containsKey("virex_ingress_rejected_total{reason=\"replay\"}");
        assertThat(p.value("process_start_time_seconds")).contains(1.7e9);
        assertThat(p.value("jvm_y")).contains(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @MethodSource("metricsErrors")
    void badMetricsAreRefused(String file) {
        assertThatThrownBy(() -> PrometheusText.parse(Vectors.bytes("metrics", file))).isInstanceOf(MetricsFormatException.class);
    }
}
