package dev.virex.core.probe;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A federation member's liveness and key-possession probe of a node (docs/spec/probe.md). The
 * member POSTs the challenge text to {@code http://<control address>/probe}; the node answers
 * with a {@link ProbeAnswer} signed by its node key.
 *
 * <pre>
 * virex-probe/v1
 * member &lt;member name&gt;
 * node &lt;node id&gt;
 * challenge &lt;64 hex digits, fresh random&gt;
 * time &lt;YYYY-MM-DDTHH:MM:SSZ&gt;
 * </pre>
 */
public record Probe(String member, String node, Bytes challenge, Instant time) {
    static final String VERSION = "virex-probe/v1";
    public static final int MAX_TEXT = 1024;
    /** How far a probe's or answer's time may be from the reader's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(2);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Probe {
        if (!KeyNames.isValid(member) || !KeyNames.isValid(node)) {
            throw new IllegalArgumentException("member and node must be valid key names");
        }
        if (challenge.length() != 32) {
            throw new IllegalArgumentException("challenge must be 32 bytes");
        }
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    public String text() {
        return VERSION + "\nmember " + member + "\nnode " + node + "\nchallenge " + challenge.toHex()
                + "\ntime " + TIME.format(time) + "\n";
    }

    public static Probe parse(String text) throws ProbeFormatException {
        String[] v = Fields.read(text, VERSION, "member", "node", "challenge", "time");
        Probe p = build(() -> new Probe(v[0], v[1], hex(v[2]), time(v[3])));
        if (!p.text().equals(text)) {
            throw new ProbeFormatException("probe is not in canonical form");
        }
        return p;
    }

    static Bytes hex(String s) throws ProbeFormatException {
        if (!HEX64.matcher(s).matches()) {
            throw new ProbeFormatException("challenge must be 64 lowercase hex digits");
        }
        return Bytes.wrap(HexFormat.of().parseHex(s));
    }

    static Instant time(String s) throws ProbeFormatException {
        try {
            Instant t = Instant.from(TIME.parse(s));
            if (!TIME.format(t).equals(s)) {
                throw new ProbeFormatException("time must be YYYY-MM-DDTHH:MM:SSZ");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new ProbeFormatException("time must be YYYY-MM-DDTHH:MM:SSZ");
        }
    }

    interface Builder<T> {
        T build() throws ProbeFormatException;
    }

    static <T> T build(Builder<T> b) throws ProbeFormatException {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ProbeFormatException(e.getMessage());
        }
    }
}
