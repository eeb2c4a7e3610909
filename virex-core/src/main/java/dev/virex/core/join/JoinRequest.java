package dev.virex.core.join;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.note.KeyNames;
import dev.virex.core.pow.PowFormatException;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A node operator's request to join the network (VIREX Join Flow, step 1): the node's declared
 * information exactly as decisions carry it, a fresh nonce and time, and a small proof-of-work
 * stamp. The text, signed by the node key and the operator key (see {@link SignedJoinRequest}):
 *
 * <pre>
 * virex-join-request/v1
 * federation &lt;federation name&gt;
 * time &lt;YYYY-MM-DDTHH:MM:SSZ&gt;
 * nonce &lt;32 lowercase hex digits&gt;
 * node, role, address, control, region, bandwidth-mbps, operator, software  (as in decisions)
 * stamp &lt;base64 of the 45-byte sha256-v1 PoW solution&gt;
 * </pre>
 *
 * The stamp solves the puzzle (node public key, epoch seed, SHA-256 of the text up to and
 * excluding the stamp line): see {@link #puzzle} and {@link JoinStamp}. Parsing is strict and
 * canonical; the text is at most {@link #MAX_TEXT} characters.
 */
public record JoinRequest(String federation, Instant time, Bytes nonce, NodeInfo node, PowSolution stamp) {
    public static final String VERSION = "virex-join-request/v1";
    public static final int MAX_TEXT = 4096;
    public static final int NONCE_BYTES = 16;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    public JoinRequest {
        if (!KeyNames.isValid(federation)) {
            throw new IllegalArgumentException("federation must be a valid key name");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("request time must be whole seconds");
        }
        if (nonce.length() != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
        }
        if (node.node().publicKey().equals(node.operator().publicKey())) {
            throw new IllegalArgumentException("the operator key must differ from the node key");
        }
    }

    /** The text up to and excluding the stamp line: what the stamp's puzzle digests. */
    public String unstampedText() {
        return VERSION + "\nfederation " + federation + "\ntime " + TIME.format(time) + "\nnonce " + nonce.toHex() + "\n"
                + node.text();
    }

    public String text() {
        return unstampedText() + "stamp " + Base64s.encode(stamp.encode()) + "\n";
    }

    /** SHA-256 of {@link #unstampedText()}. */
    public Bytes stampDigest() {
        return sha256(unstampedText());
    }

    /** The request ID: SHA-256 of the request text; join decisions carry it. */
    public Bytes id() {
        return sha256(text());
    }

    /** The PoW puzzle the stamp solves under {@code seed}: node public key, seed, stamp digest. */
    public PowPuzzle puzzle(Bytes seed) {
        return puzzle(node, seed, stampDigest());
    }

    static PowPuzzle puzzle(NodeInfo node, Bytes seed, Bytes digest) {
        return new PowPuzzle(node.node().publicKey(), seed, digest);
    }

    public static JoinRequest parse(String text) throws JoinFormatException {
        if (text.length() > MAX_TEXT) {
            throw new JoinFormatException(JoinFormatException.Kind.TOO_LARGE, "join request longer than " + MAX_TEXT + " characters");
        }
        if (!text.endsWith("\n")) {
            throw JoinFormatException.malformed("join request must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 13 || !lines[0].equals(VERSION)) {
            throw JoinFormatException.malformed("join request must be " + VERSION + " and 12 lines");
        }
        String federation = value(lines[1], "federation");
        Instant time = time(value(lines[2], "time"));
        String nonceHex = value(lines[3], "nonce");
        if (!HEX32.matcher(nonceHex).matches()) {
            throw JoinFormatException.malformed("nonce must be 32 lowercase hex digits");
        }
        NodeInfo node;
        try {
            node = NodeInfo.parse(String.join("\n", java.util.Arrays.copyOfRange(lines, 4, 12)) + "\n");
        } catch (DecisionFormatException e) {
            throw JoinFormatException.malformed("node information: " + e.getMessage());
        }
        byte[] stamp = Base64s.decodeCanonical(value(lines[12], "stamp"))
                .orElseThrow(() -> JoinFormatException.malformed("stamp must be canonical base64"));
        JoinRequest r;
        try {
            r = new JoinRequest(federation, time, Bytes.wrap(HexFormat.of().parseHex(nonceHex)), node, PowSolution.decode(stamp));
        } catch (PowFormatException | IllegalArgumentException e) {
            throw JoinFormatException.malformed(e.getMessage());
        }
        if (!r.text().equals(text)) {
            throw JoinFormatException.malformed("join request is not in canonical form");
        }
        return r;
    }

    private static String value(String line, String key) throws JoinFormatException {
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw JoinFormatException.malformed("expected '" + key + " <value>'");
        }
        return line.substring(key.length() + 1);
    }

    private static Instant time(String s) throws JoinFormatException {
        try {
            Instant t = Instant.from(TIME.parse(s));
            if (!TIME.format(t).equals(s)) {
                throw JoinFormatException.malformed("time must be YYYY-MM-DDTHH:MM:SSZ");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw JoinFormatException.malformed("time must be YYYY-MM-DDTHH:MM:SSZ");
        }
    }

    static Bytes sha256(String text) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
