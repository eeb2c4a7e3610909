package dev.virex.auditor.dashboard;

/**
 * Writes the dashboard's markup with every piece of text and every attribute value escaped: the
 * page shows what the log says (node IDs, key names, reasons, subjects), and nothing from the log
 * may become markup. Tags and attribute names are constants of the renderers. The output is
 * well-formed XML as well as HTML (every element closed, attributes quoted), so that tests can
 * parse it strictly; characters XML cannot carry (controls, lone surrogates) become U+FFFD.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    /** {@code <tag a1="v1" ...>}; {@code attrs} are name and value pairs, a null value omits the pair. */
    Html open(String tag, String... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append('>');
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, e.g. {@code <circle .../>}. */
    Html empty(String tag, String... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append("/>");
        return this;
    }

    /** An element with text content. */
    Html el(String tag, Object text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    Html text(Object text) {
        escape(String.valueOf(text), sb);
        return this;
    }

    /** Trusted markup: constants of the renderers only, never data. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    private void attributes(String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name and value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ').append(attrs[i]).append("=\"");
                escape(attrs[i + 1], sb);
                sb.append('"');
            }
        }
    }

    /** The text with {@code & < > " '} as character references and characters XML cannot carry replaced. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, out);
        return out.toString();
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    /** XML 1.0 Char, without surrogates (paired ones are handled above) and without C1 controls. */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || (c > 0x9f && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd);
    }

    /** A UTC time from the state ({@code 2026-01-01T12:00:00Z}) as {@code <time>}, shown as {@code 2026-01-01 12:00:00}. */
    Html time(String iso) {
        if (iso == null) {
            return text("never");
        }
        String shown = iso.length() == 20 && iso.charAt(10) == 'T' ? iso.substring(0, 10) + " " + iso.substring(11, 19) : iso;
        return el("time", shown, "datetime", iso);
    }

    /** {@code n} and the noun, plural unless n is 1: "1 finding", "3 findings". */
    static String count(long n, String noun) {
        return count(n) + " " + (n == 1 ? noun : noun + "s");
    }

    /** A count with thousands separators. */
    static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (n < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
