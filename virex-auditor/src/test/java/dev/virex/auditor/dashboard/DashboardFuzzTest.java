package dev.virex.auditor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.auditor.AuditState;
import dev.virex.auditor.MixnodeSeries;
import dev.virex.auditor.NetworkView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Jazzer fuzz test of the dashboard's safe output: whatever text the log and the mixnodes carry
 * (node IDs, regions, summaries, member and witness names, subjects, values), the page is
 * well-formed, has no markup but the renderer's own (one script element, the page's; no event
 * attribute, no image, no frame), and shows each text as text. Seeds under DashboardFuzzTestInputs.
 */
class DashboardFuzzTest {
    @FuzzTest
    void render(byte[] data) throws Exception {
        String[] f = new String(data, StandardCharsets.UTF_8).split("\u001f", -1);
        String node = part(f, 0);
        String summary = part(f, 2);
        String subject = part(f, 5);
        String value = part(f, 6);
        NetworkView net = new NetworkView(3, 1, Map.of("mixnode", Map.of(part(f, 1), 1)),
                List.of(new NetworkView.NodeView(node, "mixnode", part(f, 1), "10.0.0.1:4000", 100, "0.1.0", part(f, 3), 1, "2026-01-01T00:00:00Z")),
                1, List.of(new NetworkView.RemovedView(part(f, 7), "2026-01-01T00:00:00Z")), Map.of("abuse.effort-floor", value), List.of());
        AuditState.Snapshot s = new AuditState.Snapshot(7, "2026-01-01T00:00:10Z", 3, part(f, 7).isEmpty() ? null : part(f, 7),
                List.of(new AuditState.CheckpointView(part(f, 4), 3, "root", List.of(part(f, 4)), null, "2026-01-01T00:00:05Z")),
                Map.of(part(f, 1), 3L),
                List.of(new AuditState.DecisionView(2, part(f, 1), "2026-01-01T00:00:02Z", List.of(part(f, 3)), summary, true, part(f, 6))),
                1, 0, List.of(new AuditState.FindingView(part(f, 1), "violation", subject, List.of(2L), List.of(), "2026-01-01T00:00:06Z")),
                List.of(new AuditState.ParamView(1, "2026-01-01T00:00:01Z", part(f, 1), value)),
                List.of(new AuditState.MixnodeView(node, 5, "2026-01-01T00:00:05Z", 10, 2, 16, 16, List.of(subject), "2026-01-01T00:00:06Z")),
                net, List.of(new MixnodeSeries.SeriesView(node, true, List.of(new MixnodeSeries.PointView(5, "2026-01-01T00:00:05Z", 10, 2)))),
                List.of(new MixnodeSeries.PointView(5, "2026-01-01T00:00:05Z", 10, 2)));
        String html = DashboardPage.render(s, part(f, 3));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setExpandEntityReferences(false);
        Document d = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(count(d, "//script")).isEqualTo(1);
        assertThat(count(d, "//script[@src='/dashboard/dashboard.js']")).isEqualTo(1);
        assertThat(count(d, "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]")).isZero();
        assertThat(count(d, "//img | //iframe | //object | //embed | //style | //base | //form")).isZero();
        assertThat(text(d, "//table[contains(@class,'timeline')]//td[@class='summary']")).isEqualTo(shown(summary));
        assertThat(text(d, "//table[contains(@class,'findings')]//td[@class='summary']")).isEqualTo(shown(subject));
        assertThat(text(d, "//li[starts-with(@class,'node ')]/span[@class='name']")).isEqualTo(shown(node));
        assertThat(text(d, "//tr[@data-param='abuse.effort-floor']/td[@class='value']")).isEqualTo(shown(value));
    }

    private static String part(String[] f, int i) {
        return f[i % f.length];
    }

    /** What a reader sees: characters XML cannot carry replaced (as Html does), line ends as an XML parser reads them. */
    static String shown(String s) {
        return Html.escape(s).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    private static String text(Document d, String xpath) throws Exception {
        NodeList l = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
        assertThat(l.getLength()).as(xpath).isEqualTo(1);
        return l.item(0).getTextContent();
    }
}
