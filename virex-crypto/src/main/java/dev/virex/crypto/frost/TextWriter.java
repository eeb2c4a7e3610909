package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;

/** Writes the line-based texts {@link TextReader} reads: a format line, then keyword lines. */
public final class TextWriter {
    private final StringBuilder sb = new StringBuilder();

    public TextWriter(String format) {
        sb.append(format).append('\n');
    }

    /** Appends {@code keyword field...}; fields may not be empty or contain spaces or newlines. */
    public TextWriter line(String keyword, Object... fields) {
        sb.append(keyword);
        for (Object f : fields) {
            String s = f instanceof Bytes b ? b.toBase64() : f.toString();
            if (s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("bad field for '" + keyword + "'");
            }
            sb.append(' ').append(s);
        }
        sb.append('\n');
        return this;
    }

    public TextWriter raw(byte[] text) {
        sb.append(new String(text, StandardCharsets.UTF_8));
        return this;
    }

    public byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
