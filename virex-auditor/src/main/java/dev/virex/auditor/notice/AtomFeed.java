package dev.virex.auditor.notice;

import dev.virex.auditor.text.Fields;
import dev.virex.core.note.KeyIds;
import dev.virex.core.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The notices as an Atom feed (RFC 4287), newest first: one entry per notice, its content the
 * signed note as text, so a feed reader shows what was checked and found and anyone can verify
 * the note under the auditor's vkey.
 */
public final class AtomFeed {
    private AtomFeed() {}

    public static byte[] render(VerifierKey auditor, List<NoticeStore.Stored> newestFirst) {
        String id = "urn:virex-auditor:" + auditor.name() + ":" + KeyIds.hex(auditor.keyId());
        String updated = newestFirst.isEmpty() ? "1970-01-01T00:00:00Z" : Fields.format(newestFirst.get(0).time());
        StringBuilder sb = new StringBuilder(4096)
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(xml("VIREX audit notices of " + auditor.name())).append("</title>\n")
                .append("  <id>").append(xml(id)).append("</id>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>").append(xml(auditor.name())).append("</name></author>\n")
                .append("  <link rel=\"self\" href=\"notices.atom\"/>\n");
        for (NoticeStore.Stored n : newestFirst) {
            String text = new String(n.note().toArray(), StandardCharsets.UTF_8);
            sb.append("  <entry>\n")
                    .append("    <id>").append(xml(id + ":notice:" + n.serial())).append("</id>\n")
                    .append("    <title>").append(xml(title(n, text))).append("</title>\n")
                    .append("    <updated>").append(Fields.format(n.time())).append("</updated>\n")
                    .append("    <link href=\"notices/").append(n.serial()).append("\"/>\n")
                    .append("    <content type=\"text\">").append(xml(text)).append("</content>\n")
                    .append("  </entry>\n");
        }
        return sb.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "finding split-view (violation): ..." or "checkpoint log.example size 12". */
    static String title(NoticeStore.Stored n, String text) {
        String finding = line(text, "finding ");
        if (finding != null) {
            return "#" + n.serial() + " " + line(text, "severity ") + " " + finding + ": " + line(text, "subject ");
        }
        return "#" + n.serial() + " checkpoint " + line(text, "origin ") + " size " + line(text, "size ") + " verified";
    }

    private static String line(String text, String key) {
        for (String l : text.split("\n")) {
            if (l.startsWith(key)) {
                return l.substring(key.length());
            }
        }
        return null;
    }

    /** XML character data: escapes the five specials; the text has no control characters but newline. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
