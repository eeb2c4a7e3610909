package dev.virex.core.checkpoint;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The note text of a transparency-log checkpoint, C2SP tlog-checkpoint ("Note text"): origin,
 * tree size in canonical decimal, base64 RFC 6962 root hash, then optional non-empty extension
 * lines. {@code parse(t).text()} gives back exactly {@code t}.
 *
 * <p>Implementation limits: text at most {@link #MAX_TEXT_BYTES} bytes, origin at most 255
 * characters, at most {@link #MAX_EXTENSIONS} extension lines, tree size at most 2^63-1.
 */
public record Checkpoint(String origin, long size, Bytes rootHash, List<String> extensions) {
    public static final int MAX_TEXT_BYTES = 4096;
    public static final int MAX_EXTENSIONS = 16;
    public static final int MAX_ORIGIN_LENGTH = 255;
    public static final int HASH_BYTES = 32;

    public Checkpoint {
        if (origin.isEmpty() || origin.length() > MAX_ORIGIN_LENGTH || hasControl(origin)) {
            throw new IllegalArgumentException("checkpoint origin must be 1 to " + MAX_ORIGIN_LENGTH + " printable characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        if (rootHash.length() != HASH_BYTES) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        extensions = List.copyOf(extensions);
        if (extensions.size() > MAX_EXTENSIONS) {
            throw new IllegalArgumentException("more than " + MAX_EXTENSIONS + " extension lines");
        }
        for (String e : extensions) {
            if (e.isEmpty() || hasControl(e)) {
                throw new IllegalArgumentException("extension lines must be non-empty and printable");
            }
        }
    }

    public Checkpoint(String origin, long size, Bytes rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public static Checkpoint parse(String text) throws CheckpointFormatException {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new CheckpointFormatException("checkpoint text longer than " + MAX_TEXT_BYTES + " bytes");
        }
        if (!text.endsWith("\n")) {
            throw new CheckpointFormatException("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new CheckpointFormatException("checkpoint needs origin, size and root hash lines");
        }
        if (lines.length - 3 > MAX_EXTENSIONS) {
            throw new CheckpointFormatException("checkpoint has more than " + MAX_EXTENSIONS + " extension lines");
        }
        String origin = lines[0];
        if (origin.isEmpty() || origin.length() > MAX_ORIGIN_LENGTH || hasControl(origin)) {
            throw new CheckpointFormatException("checkpoint origin must be 1 to " + MAX_ORIGIN_LENGTH + " printable characters");
        }
        long size = parseSize(lines[1]);
        byte[] root = Base64s.decodeCanonical(lines[2])
                .orElseThrow(() -> new CheckpointFormatException("checkpoint root hash is not canonical base64"));
        if (root.length != HASH_BYTES) {
            throw new CheckpointFormatException("checkpoint root hash must be 32 bytes, got " + root.length);
        }
        List<String> ext = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty() || hasControl(lines[i])) {
                throw new CheckpointFormatException("checkpoint extension lines must be non-empty and printable");
            }
            ext.add(lines[i]);
        }
        return new Checkpoint(origin, size, Bytes.wrap(root), ext);
    }

    /** The note text. */
    public String text() {
        StringBuilder sb = new StringBuilder(origin.length() + 80)
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(rootHash.toBase64()).append('\n');
        for (String e : extensions) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    /** Tree size: ASCII decimal without leading zeroes, "0" for the empty tree. */
    static long parseSize(String s) throws CheckpointFormatException {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')
                || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new CheckpointFormatException("checkpoint tree size must be a canonical decimal number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException("checkpoint tree size out of range");
        }
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }
}
