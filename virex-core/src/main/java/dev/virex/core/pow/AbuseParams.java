package dev.virex.core.pow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The public abuse-prevention parameters the federation sets by M-of-N decision (VIREX Abuse
 * Prevention Flow, "PoW Parameters" and "Rate Limiting Details"). Canonical text form, one
 * {@code key value} line each, in this order (the federation embeds it in its decision notes):
 *
 * <pre>
 * pow-algorithm sha256-v1
 * effort-floor 16
 * effort-ceiling 1048576
 * rate-per-minute 120
 * rate-burst 20
 * backoff-base-ms 1000
 * backoff-cap-ms 300000
 * cover-rate-per-minute 60
 * </pre>
 *
 * <p>The per-client rate limit is derived from the public cover-traffic rate (it must be at least
 * that rate), so a limit is the same for every client and says nothing about any one of them.
 * Implementation limits: text at most {@link #MAX_TEXT_BYTES} bytes; efforts are unsigned 32-bit.
 */
public record AbuseParams(
        String powAlgorithm,
        long effortFloor,
        long effortCeiling,
        long ratePerMinute,
        long burst,
        Duration backoffBase,
        Duration backoffCap,
        long coverRatePerMinute) {
    public static final int MAX_TEXT_BYTES = 1024;
    public static final long MAX_EFFORT = 0xFFFF_FFFFL;
    /** 10,000 messages per second per client, far above any sane limit (limiters count in 100 µs ticks). */
    public static final long MAX_RATE_PER_MINUTE = 600_000L;
    public static final long MAX_BURST = 1_000_000L;
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);
    public static final int LINES = 8;
    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public AbuseParams {
        if (powAlgorithm == null || !ALGORITHM.matcher(powAlgorithm).matches()) {
            throw new IllegalArgumentException("pow-algorithm must be 1 to 32 characters of [a-z0-9-]");
        }
        if (effortFloor < 1 || effortFloor > MAX_EFFORT || effortCeiling < effortFloor || effortCeiling > MAX_EFFORT) {
            throw new IllegalArgumentException("need 1 <= effort-floor <= effort-ceiling <= " + MAX_EFFORT);
        }
        if (coverRatePerMinute < 1 || ratePerMinute < coverRatePerMinute || ratePerMinute > MAX_RATE_PER_MINUTE) {
            throw new IllegalArgumentException("need 1 <= cover-rate-per-minute <= rate-per-minute <= " + MAX_RATE_PER_MINUTE
                    + " (the limit derives from the public cover rate)");
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("rate-burst must be between 1 and " + MAX_BURST);
        }
        if (backoffBase.isNegative() || backoffBase.toMillis() < 1 || backoffBase.toNanos() % 1_000_000 != 0
                || backoffCap.compareTo(backoffBase) < 0 || backoffCap.compareTo(MAX_BACKOFF) > 0
                || backoffCap.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("need 1 ms <= backoff-base-ms <= backoff-cap-ms <= 1 day, in whole milliseconds");
        }
    }

    /** Parameters for a small deployment or a demo. */
    public static AbuseParams defaults() {
        return new AbuseParams(PowAlgorithm.SHA256_V1.tag(), 16, 1 << 20, 120, 20,
                Duration.ofSeconds(1), Duration.ofMinutes(5), 60);
    }

    public AbuseParams withEffortFloor(long floor) {
        return new AbuseParams(powAlgorithm, floor, Math.max(floor, effortCeiling), ratePerMinute, burst,
                backoffBase, backoffCap, coverRatePerMinute);
    }

    public AbuseParams withRate(long perMinute, long newBurst) {
        return new AbuseParams(powAlgorithm, effortFloor, effortCeiling, perMinute, newBurst,
                backoffBase, backoffCap, Math.min(coverRatePerMinute, perMinute));
    }

    public AbuseParams withBackoff(Duration base, Duration cap) {
        return new AbuseParams(powAlgorithm, effortFloor, effortCeiling, ratePerMinute, burst, base, cap, coverRatePerMinute);
    }

    public AbuseParams withCoverRate(long perMinute) {
        return new AbuseParams(powAlgorithm, effortFloor, effortCeiling, ratePerMinute, burst,
                backoffBase, backoffCap, perMinute);
    }

    /** The time between two messages at the rate limit, in nanoseconds (GCRA emission interval). */
    public long emissionIntervalNanos() {
        return 60_000_000_000L / ratePerMinute;
    }

    /** The canonical text, {@value #LINES} lines. */
    public String encode() {
        return "pow-algorithm " + powAlgorithm + "\n"
                + "effort-floor " + effortFloor + "\n"
                + "effort-ceiling " + effortCeiling + "\n"
                + "rate-per-minute " + ratePerMinute + "\n"
                + "rate-burst " + burst + "\n"
                + "backoff-base-ms " + backoffBase.toMillis() + "\n"
                + "backoff-cap-ms " + backoffCap.toMillis() + "\n"
                + "cover-rate-per-minute " + coverRatePerMinute + "\n";
    }

    /** SHA-256 of the canonical text, hex: how reports and decisions name a parameter set. */
    public String digestHex() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(encode().getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AbuseParams parse(String text) throws ParamsFormatException {
        TextLines<ParamsFormatException> in = TextLines.of(text, MAX_TEXT_BYTES, ParamsFormatException::new);
        AbuseParams p = read(in);
        in.end();
        return p;
    }

    /** Reads the {@value #LINES} parameter lines from {@code in}. */
    static AbuseParams read(TextLines<ParamsFormatException> in) throws ParamsFormatException {
        String alg = in.value("pow-algorithm");
        long floor = in.number("effort-floor", 1, MAX_EFFORT);
        long ceiling = in.number("effort-ceiling", 1, MAX_EFFORT);
        long rate = in.number("rate-per-minute", 1, MAX_RATE_PER_MINUTE);
        long burst = in.number("rate-burst", 1, MAX_BURST);
        long base = in.number("backoff-base-ms", 1, MAX_BACKOFF.toMillis());
        long cap = in.number("backoff-cap-ms", 1, MAX_BACKOFF.toMillis());
        long cover = in.number("cover-rate-per-minute", 1, MAX_RATE_PER_MINUTE);
        try {
            return new AbuseParams(alg, floor, ceiling, rate, burst, Duration.ofMillis(base), Duration.ofMillis(cap), cover);
        } catch (IllegalArgumentException e) {
            throw new ParamsFormatException(e.getMessage(), e);
        }
    }
}
