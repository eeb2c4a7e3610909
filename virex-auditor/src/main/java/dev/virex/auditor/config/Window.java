package dev.virex.auditor.config;

import java.time.Duration;

/** "More than {@code count} within {@code within}", counted over decision times. */
public record Window(int count, Duration within) {
    public Window {
        if (count < 1 || count > 1_000_000 || within.isNegative() || within.isZero() || within.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("a window is 1 to 1,000,000 events within 1 s to 366 days");
        }
    }

    String text() {
        return count + " " + Durations.format(within);
    }
}
