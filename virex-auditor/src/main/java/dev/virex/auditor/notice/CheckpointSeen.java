package dev.virex.auditor.notice;

import dev.virex.auditor.text.Fields;
import dev.virex.core.Bytes;
import dev.virex.core.Base64s;
import dev.virex.core.note.KeyNames;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint the auditor verified: signed by the log, consistent with every earlier one it saw,
 * and every entry up to its size verified and folded. {@code cosigners} are the key names of the
 * policy's witnesses whose cosignatures verified; {@code directory} is the SHA-256 of the directory
 * text after the {@code size} entries (absent for the empty log).
 */
public record CheckpointSeen(String origin, long size, Bytes root, List<String> cosigners, Optional<Bytes> directory)
        implements Subject {
    public static final int MAX_COSIGNERS = 64;

    public CheckpointSeen {
        cosigners = List.copyOf(cosigners);
        if (origin.isEmpty() || origin.length() > 255 || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("origin must be 1 to 255 printable characters");
        }
        if (size < 0 || root.length() != 32 || directory.map(d -> d.length() != 32).orElse(false)) {
            throw new IllegalArgumentException("need a size, a 32-byte root and a 32-byte directory digest");
        }
        if (cosigners.size() > MAX_COSIGNERS || !cosigners.stream().allMatch(KeyNames::isValid)
                || !cosigners.stream().sorted().distinct().toList().equals(cosigners)) {
            throw new IllegalArgumentException("cosigners: up to " + MAX_COSIGNERS + " key names, sorted, unique");
        }
    }

    @Override
    public String kind() {
        return "checkpoint";
    }

    @Override
    public void write(StringBuilder out) {
        out.append("origin ").append(origin).append('\n')
                .append("size ").append(size).append('\n')
                .append("root ").append(root.toBase64()).append('\n');
        cosigners.forEach(c -> out.append("cosigner ").append(c).append('\n'));
        directory.ifPresent(d -> out.append("directory ").append(d.toHex()).append('\n'));
    }

    static CheckpointSeen read(Fields<NoticeFormatException> in) throws NoticeFormatException {
        String origin = in.value("origin");
        long size = in.number("size", 0, Long.MAX_VALUE);
        byte[] root = Base64s.decodeCanonical(in.value("root"))
                .orElseThrow(() -> new NoticeFormatException("root must be canonical base64"));
        List<String> cosigners = in.repeated("cosigner", MAX_COSIGNERS);
        Optional<String> dir = in.optional("directory");
        Optional<Bytes> digest = Optional.empty();
        if (dir.isPresent()) {
            if (!dir.get().matches("[0-9a-f]{64}")) {
                throw new NoticeFormatException("directory must be 64 lowercase hex digits");
            }
            digest = Optional.of(Bytes.fromHex(dir.get()));
        }
        try {
            return new CheckpointSeen(origin, size, Bytes.wrap(root), cosigners, digest);
        } catch (IllegalArgumentException e) {
            throw new NoticeFormatException(e.getMessage(), e);
        }
    }
}
