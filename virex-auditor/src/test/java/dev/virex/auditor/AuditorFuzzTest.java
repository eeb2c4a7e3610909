package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.config.AuditorConfigException;
import dev.virex.auditor.enforce.MetricsFormatException;
import dev.virex.auditor.enforce.PrometheusText;
import dev.virex.auditor.gossip.GossipFormatException;
import dev.virex.auditor.gossip.GossipMessage;
import dev.virex.auditor.notice.Notice;
import dev.virex.auditor.notice.NoticeFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz tests of the auditor's parsers: any input parses (canonically, where the format is
 * canonical) or fails with the format's one exception. Seeds under AuditorFuzzTestInputs.
 */
class AuditorFuzzTest {
    @FuzzTest
    void notice(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Notice.parse(text).text()).isEqualTo(text);
        } catch (NoticeFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void gossip(byte[] data) {
        try {
            assertThat(GossipMessage.parse(data).encode()).isEqualTo(data);
        } catch (GossipFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void config(byte[] data) throws AuditorConfigException {
        AuditorConfig c;
        try {
            c = AuditorConfig.parse(data);
        } catch (AuditorConfigException expected) {
            assertThat(expected.getMessage()).startsWith("configuration");
            return;
        }
        assertThat(AuditorConfig.parse(c.text().getBytes(StandardCharsets.UTF_8))).isEqualTo(c);
    }

    @FuzzTest
    void metrics(byte[] data) {
        try {
            assertThat(PrometheusText.parse(data).samples().size()).isLessThanOrEqualTo(PrometheusText.MAX_SAMPLES);
        } catch (MetricsFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
