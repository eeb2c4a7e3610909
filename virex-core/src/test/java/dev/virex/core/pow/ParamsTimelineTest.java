package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTimelineTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-01T01:00:00Z");
    static final AbuseParams LOW = AbuseParams.defaults();
    static final AbuseParams HIGH = LOW.withEffortFloor(5000);

    @Test
    void theChangeInForceIsTheLastActivated() {
        ParamsTimeline t = ParamsTimeline.of(List.of(new ParamsChange(T0, LOW), new ParamsChange(T1, HIGH)));
        ParamsView before = t.at(T1.minusSeconds(1));
        assertThat(before.params()).isEqualTo(LOW);
        assertThat(before.next()).map(ParamsChange::activation).contains(T1);
        assertThat(before.covers(T1.minusMillis(1))).isTrue();
        assertThat(before.covers(T1)).isFalse();
        ParamsView at = t.at(T1);
        assertThat(at.params()).isEqualTo(HIGH);
        assertThat(at.next()).isEmpty();
        assertThat(t.start()).isEqualTo(T0);
    }

    @Test
    void fileFormatRoundTrips() throws Exception {
        ParamsTimeline t = ParamsTimeline.constant(T0, LOW).with(new ParamsChange(T1, HIGH));
        String text = t.encode();
        assertThat(text).contains("\n\nactivation 2026-01-01T01:00:00Z\n");
        assertThat(ParamsTimeline.parse(text.getBytes(StandardCharsets.UTF_8)).changes()).isEqualTo(t.changes());
        assertThat(ParamsTimeline.parse(text).encode()).isEqualTo(text);
    }

    @Test
    void activationsMustIncrease() {
        String text = ParamsTimeline.constant(T1, LOW).encode() + "\n" + new ParamsChange(T0, HIGH).encode();
        assertThatThrownBy(() -> ParamsTimeline.parse(text)).hasMessageContaining("increasing");
        assertThatThrownBy(() -> ParamsTimeline.constant(T0, LOW).with(new ParamsChange(T0, HIGH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankLinesSeparateExactlyOnce() {
        String one = ParamsTimeline.constant(T0, LOW).encode();
        String two = new ParamsChange(T1, HIGH).encode();
        assertThatThrownBy(() -> ParamsTimeline.parse(one + "\n\n" + two)).isInstanceOf(ParamsFormatException.class);
        assertThatThrownBy(() -> ParamsTimeline.parse(one + two)).isInstanceOf(ParamsFormatException.class);
        assertThatThrownBy(() -> ParamsTimeline.parse(one + "\n")).isInstanceOf(ParamsFormatException.class);
        assertThatThrownBy(() -> ParamsTimeline.parse(new byte[] {(byte) 0xc3, 0x28, '\n'})).hasMessageContaining("UTF-8");
    }
}
