package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AbuseParamsTest {
    static final String TEXT = """
            pow-algorithm sha256-v1
            effort-floor 16
            effort-ceiling 1048576
            rate-per-minute 120
            rate-burst 20
            backoff-base-ms 1000
            backoff-cap-ms 300000
            cover-rate-per-minute 60
            """;

    @Test
    void canonicalTextRoundTrips() throws Exception {
        AbuseParams p = AbuseParams.parse(TEXT);
        assertThat(p).isEqualTo(AbuseParams.defaults());
        assertThat(p.encode()).isEqualTo(TEXT);
        assertThat(p.backoffCap()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.emissionIntervalNanos()).isEqualTo(500_000_000L);
        assertThat(p.digestHex()).hasSize(64).isNotEqualTo(p.withEffortFloor(17).digestHex());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "effort-floor 016", "effort-floor +16", "effort-floor 16 ", "effort-floor  16", "effort-floor 0",
        "effort-floor 4294967296", "effort-floor 99999999999999999999", "effort-floor -1",
        "pow-algorithm SHA256", "pow-algorithm ", "cover-rate-per-minute 121", "backoff-cap-ms 999",
        "rate-burst 0", "effort-ceiling 15"
    })
    void nonCanonicalOrInvalidLinesAreRefused(String line) {
        String key = line.substring(0, line.indexOf(' '));
        String bad = TEXT.lines().map(l -> l.startsWith(key + " ") ? line : l).reduce("", (a, b) -> a + b + "\n");
        assertThat(bad).isNotEqualTo(TEXT);
        assertThatThrownBy(() -> AbuseParams.parse(bad)).isInstanceOf(ParamsFormatException.class);
    }

    @Test
    void structureIsStrict() {
        assertThatThrownBy(() -> AbuseParams.parse(TEXT.strip())).hasMessageContaining("newline");
        assertThatThrownBy(() -> AbuseParams.parse(TEXT + "extra 1\n")).hasMessageContaining("unexpected line");
        assertThatThrownBy(() -> AbuseParams.parse(TEXT.replace("rate-burst 20\n", ""))).isInstanceOf(ParamsFormatException.class);
        String swapped = TEXT.replace("rate-per-minute 120\nrate-burst 20\n", "rate-burst 20\nrate-per-minute 120\n");
        assertThatThrownBy(() -> AbuseParams.parse(swapped)).isInstanceOf(ParamsFormatException.class);
        assertThatThrownBy(() -> AbuseParams.parse(TEXT.replace("\n", "\r\n"))).hasMessageContaining("printable");
        assertThatThrownBy(() -> AbuseParams.parse(TEXT + "x".repeat(2000) + "\n")).hasMessageContaining("longer");
    }

    @Test
    void theLimitDerivesFromTheCoverRate() {
        assertThatThrownBy(() -> AbuseParams.defaults().withCoverRate(121)).hasMessageContaining("cover rate");
        assertThat(AbuseParams.defaults().withRate(30, 5).coverRatePerMinute()).isEqualTo(30);
    }

    @Test
    void changesCarryAnActivationTime() throws Exception {
        ParamsChange c = new ParamsChange(Instant.parse("2026-01-01T00:10:00Z"), AbuseParams.defaults());
        assertThat(c.encode()).startsWith("activation 2026-01-01T00:10:00Z\npow-algorithm");
        assertThat(ParamsChange.parse(c.encode())).isEqualTo(c);
        for (String t : new String[] {"2026-01-01T00:10:00.000Z", "2026-01-01T00:10Z", "2026-01-01 00:10:00Z", "+2026-01-01T00:10:00Z"}) {
            assertThatThrownBy(() -> ParamsChange.parse(c.encode().replace("2026-01-01T00:10:00Z", t)))
                    .as(t).isInstanceOf(ParamsFormatException.class);
        }
    }
}
