package dev.virex.auditor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping and the plots' scales. */
class HtmlTest {
    @Test
    void escapesMarkupCharactersAndReplacesWhatXmlCannotCarry() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.escape("a\u0000b\u0085c\ud800d\uffff")).isEqualTo("a\ufffdb\ufffdc\ufffdd\ufffd");
        assertThat(Html.escape("\ud83d\ude00 caf\u00e9\tok\n")).isEqualTo("\ud83d\ude00 caf\u00e9\tok\n");
    }

    @Test
    void attributesAreEscapedAndNullOnesLeftOut() {
        String out = new Html().open("td", "title", "\"><script>", "class", null).text("<b>").close("td").toString();
        assertThat(out).isEqualTo("<td title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;</td>");
    }

    @Test
    void timesAreShownInUtcWithTheirMachineReadableValue() {
        assertThat(new Html().time("2026-01-01T12:34:56Z").toString())
                .isEqualTo("<time datetime=\"2026-01-01T12:34:56Z\">2026-01-01 12:34:56</time>");
        assertThat(new Html().time(null).toString()).isEqualTo("never");
    }

    @Test
    void countsAndCoordinatesAreFormattedWithoutTheLocale() {
        assertThat(List.of(0L, 7L, 999L, 1000L, 1234567L, -1234L, Long.MIN_VALUE + 1)).extracting(Html::count)
                .containsExactly("0", "7", "999", "1,000", "1,234,567", "-1,234", "-9,223,372,036,854,775,807");
        assertThat(List.of(0.0, 1.25, 46.04, 199.96, -0.5, 640.0)).extracting(TrafficPlots::fmt)
                .containsExactly("0.0", "1.3", "46.0", "200.0", "-0.5", "640.0");
    }

    @Test
    void plotScalesAreRoundNumbers() {
        // Even maxima, so that the middle grid line is whole: an all-zero plot reads 0, 1, 2, not 0, 0, 1.
        assertThat(List.of(0L, 1L, 3L, 5L, 7L, 10L, 11L, 48L, 480L, 1024L, 15_032L)).extracting(TrafficPlots::nice)
                .containsExactly(2L, 2L, 4L, 6L, 8L, 10L, 20L, 60L, 600L, 2000L, 20_000L);
        assertThat(TrafficPlots.nice(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
