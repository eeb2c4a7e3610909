package dev.virex.crypto.frost;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Strict reader of VIREX's line-based crypto texts (group descriptions, round messages,
 * attestations, key shares, DKG messages). The common rules, so that every value has exactly one
 * textual form: valid UTF-8; lines end in LF, including the last; no CR, no other control
 * character, no empty line; a first line naming the format; then lines of a keyword and fields,
 * separated by single spaces, in the order the format fixes; base64 standard, padded and
 * canonical; decimals without sign or leading zero.
 */
public final class TextReader {
    private final String what;
    private final String[] lines;
    private int pos;

    private TextReader(String what, String[] lines) {
        this.what = what;
        this.lines = lines;
    }

    /** Splits {@code data} into lines, refusing more than {@code maxBytes} bytes. */
    public static TextReader of(byte[] data, int maxBytes, String what) throws FrostException {
        if (data.length > maxBytes) {
            throw new FrostException(FrostException.Kind.TOO_LARGE, what + " is " + data.length + " bytes, limit " + maxBytes);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new FrostException(FrostException.Kind.MALFORMED, what + " is not valid UTF-8", List.of(), e);
        }
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw FrostException.malformed(what + " must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw FrostException.malformed(what + " contains a control character");
            }
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (String l : lines) {
            if (l.isEmpty()) {
                throw FrostException.malformed(what + " contains an empty line");
            }
        }
        return new TextReader(what, lines);
    }

    /** The first line must be exactly {@code format}. */
    public void header(String format) throws FrostException {
        if (pos != 0 || !lines[0].equals(format)) {
            throw FrostException.malformed(what + " must start with the line '" + format + "'");
        }
        pos = 1;
    }

    /** Whether the next line starts with {@code keyword}. */
    public boolean at(String keyword) {
        return pos < lines.length && lines[pos].startsWith(keyword + " ");
    }

    /** The next line's fields after {@code keyword}, exactly {@code count} of them. */
    public String[] line(String keyword, int count) throws FrostException {
        if (pos >= lines.length) {
            throw FrostException.malformed(what + " ends before its '" + keyword + "' line");
        }
        String l = lines[pos];
        String[] f = l.split(" ", -1);
        if (!f[0].equals(keyword)) {
            throw FrostException.malformed(what + " line " + (pos + 1) + ": expected '" + keyword + "', got '" + Identifier.clip(f[0]) + "'");
        }
        if (f.length != count + 1) {
            throw FrostException.malformed(what + " line " + (pos + 1) + ": '" + keyword + "' takes " + count + " field(s)");
        }
        for (String s : f) {
            if (s.isEmpty()) {
                throw FrostException.malformed(what + " line " + (pos + 1) + ": fields are separated by single spaces");
            }
        }
        pos++;
        return java.util.Arrays.copyOfRange(f, 1, f.length);
    }

    /** The single field of the next line, which must be {@code keyword <field>}. */
    public String field(String keyword) throws FrostException {
        return line(keyword, 1)[0];
    }

    /** Everything from the next line to the end, as the bytes it was read from. */
    public byte[] rest() {
        StringBuilder sb = new StringBuilder();
        for (int i = pos; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
        }
        pos = lines.length;
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** There must be no further line. */
    public void end() throws FrostException {
        if (pos != lines.length) {
            throw FrostException.malformed(what + " line " + (pos + 1) + ": unexpected '" + Identifier.clip(lines[pos]) + "'");
        }
    }

    /** Canonical base64 of exactly {@code length} bytes (any length if negative). */
    public Bytes base64(String field, int length, String name) throws FrostException {
        byte[] raw = Base64s.decodeCanonical(field)
                .orElseThrow(() -> FrostException.malformed(what + ": " + name + " is not canonical base64"));
        if (length >= 0 && raw.length != length) {
            throw FrostException.malformed(what + ": " + name + " must be " + length + " bytes, got " + raw.length);
        }
        return Bytes.wrap(raw);
    }

    public Element element(String field, String name) throws FrostException {
        try {
            return Element.deserialize(base64(field, Element.BYTES, name));
        } catch (FrostException e) {
            throw new FrostException(e.kind(), what + ": " + name + ": " + e.getMessage(), List.of(), e);
        }
    }

    /**
     * An element decoded per RFC 8032 section 5.1.3 only (canonical, on the curve), without the
     * prime-order check of {@link Element#deserialize}: for batch verification, whose cofactored
     * equation makes small-order components irrelevant.
     */
    Element elementUnchecked(String field, String name) throws FrostException {
        try {
            return Element.decodeRfc8032(base64(field, Element.BYTES, name));
        } catch (FrostException e) {
            throw new FrostException(e.kind(), what + ": " + name + ": " + e.getMessage(), List.of(), e);
        }
    }

    public Scalar scalar(String field, String name) throws FrostException {
        try {
            return Scalar.deserialize(base64(field, Scalar.BYTES, name));
        } catch (FrostException e) {
            throw new FrostException(e.kind(), what + ": " + name + ": " + e.getMessage(), List.of(), e);
        }
    }

    /** A decimal in [min, max] without sign or leading zero. */
    public int decimal(String field, int min, int max, String name) throws FrostException {
        if (!field.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(field) < min || Integer.parseInt(field) > max) {
            throw FrostException.malformed(what + ": " + name + " must be a decimal in [" + min + ", " + max + "]");
        }
        return Integer.parseInt(field);
    }

    public String what() {
        return what;
    }
}
