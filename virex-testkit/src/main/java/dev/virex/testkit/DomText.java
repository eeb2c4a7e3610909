package dev.virex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a page's serialized DOM (as {@link HeadlessChromium#dumpDom} returns it) in page tests:
 * regular expressions over the text, and the slice of the page from a marker to the end of its
 * element. Each lookup that must find something fails the test, naming what it looked for.
 */
public final class DomText {
    private DomText() {}

    /** The first group of the first match of {@code regex}. */
    public static String one(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        assertThat(m.find()).as("%s in the DOM", regex).isTrue();
        return m.group(1);
    }

    /** Every match of {@code regex}, its groups joined by spaces. */
    public static List<String> all(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            List<String> g = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                g.add(m.group(i));
            }
            out.add(String.join(" ", g));
        }
        return out;
    }

    /** The table row that starts with {@code start}, up to its {@code </tr>}. */
    public static String row(String dom, String start) {
        return section(dom, start, "</tr>");
    }

    /** The text from the first {@code start} to the next {@code end}. */
    public static String section(String dom, String start, String end) {
        int i = dom.indexOf(start);
        assertThat(i).as("%s in the DOM", start).isNotNegative();
        int j = dom.indexOf(end, i);
        assertThat(j).as("%s after %s in the DOM", end, start).isNotNegative();
        return dom.substring(i, j);
    }

    /** How many times {@code what} occurs in {@code text}. */
    public static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
