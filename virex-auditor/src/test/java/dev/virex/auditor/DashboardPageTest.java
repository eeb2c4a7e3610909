package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.dashboard.DashboardPage;
import dev.virex.core.decision.NodeRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The dashboard page rendered from the state of a real audit (a FROST-signed log folded by the
 * auditor): every section with its data, accessible markup, and a node whose key name is markup
 * shown as text. The page is parsed as XML: the renderer writes well-formed markup only.
 */
class DashboardPageTest {
    static final TestFederation F = AuditFixture.FEDERATION;
    static final String HOSTILE = "<img/src=x/onerror=alert(1)>";
    static final Instant T = TestFederation.T0;

    @TempDir
    Path dir;

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList all(Document d, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    }

    static List<String> texts(Document d, String xpath) throws Exception {
        NodeList l = all(d, xpath);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent().strip());
        }
        return out;
    }

    @Test
    void showsTheNetworkTheDecisionsTheCheckpointsTheParametersAndThePlots() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(
                    F.entry(TestFederation.params(T.plusSeconds(60), Map.of("abuse.effort-floor", "32")), 2, 3, 4),
                    F.entry(TestFederation.join(T.plusSeconds(120), "mix-a.test", "op-a.test", NodeRole.MIXNODE, "eu-west", "10.0.1.1", 4000), 1, 2, 3),
                    F.entry(TestFederation.join(T.plusSeconds(180), "mix-b.test", "op-b.test", NodeRole.MIXNODE, "us-east", "10.0.2.1", 4000), 1, 4, 5),
                    F.entry(TestFederation.join(T.plusSeconds(240), "box.test", "op-c.test", NodeRole.MAILBOX, "eu-west", "10.0.3.1", 4000), 2, 3, 5),
                    F.entry(TestFederation.join(T.plusSeconds(300), "ods.test", "op-d.test", NodeRole.ODS, "ap-south", "10.0.4.1", 4000), 1, 2, 3),
                    F.entry(TestFederation.join(T.plusSeconds(360), HOSTILE, "op-e.test", NodeRole.MIXNODE, "us-east", "10.0.5.1", 4000), 3, 4, 5),
                    F.entry(TestFederation.remove(T.plusSeconds(420), "mix-b.test"), 1, 2, 3));
            a.poll();
            for (int i = 0; i < 3; i++) {
                Instant end = a.clock.instant().minusSeconds(180 - 60L * i);
                a.state.enforcement(new MixnodeFigures("mix-a.test", 1000 + i, end, 480 + 16L * i, 32, 32, 32, List.of()));
                a.state.enforcement(new MixnodeFigures(HOSTILE, 1000 + i, end, 96, 1024, 16, 32, List.of("effort floor 16 below 32")));
            }
            String html = DashboardPage.render(a.state.snapshot(), "auditor.audit.test");
            Document d = parse(html);

            // Network map: the admitted nodes by role, the removed one listed apart.
            assertThat(texts(d, "//li[contains(@class,'node')]/@data-node"))
                    .containsExactlyInAnyOrder("mix-a.test", "box.test", "ods.test", HOSTILE);
            assertThat(texts(d, "//li[@data-role='mixnode']/@data-node")).containsExactlyInAnyOrder("mix-a.test", HOSTILE);
            assertThat(texts(d, "//table[contains(@class,'map')]/tbody/tr/th")).containsExactly("ap-south", "eu-west", "us-east");
            assertThat(texts(d, "//*[@data-removed]")).containsExactly("mix-b.test");
            assertThat(texts(d, "//li[@data-node='mix-a.test']/span[@class='state']")).containsExactly("enforcing");
            assertThat(texts(d, "//li[@data-role='mixnode' and contains(@class,'bad')]/span[@class='state']"))
                    .containsExactly("effort floor 16 below 32");

            // Timeline: every decision with its index, kind, status and the members who signed it.
            assertThat(texts(d, "//table[contains(@class,'timeline')]/tbody/tr/@data-index")).containsExactly("7", "6", "5", "4", "3", "2", "1", "0");
            assertThat(texts(d, "//tr[@data-index='3']//li[@class='signer']"))
                    .containsExactly(TestFederation.member(1), TestFederation.member(4), TestFederation.member(5));
            assertThat(texts(d, "//tr[@data-index='7']/@data-kind")).containsExactly("node-removed");
            assertThat(texts(d, "//table[contains(@class,'timeline')]/tbody/tr/@data-status")).containsOnly("verified");

            // Checkpoints and parameters: the change 16 -> 32 with the entry that decided it.
            assertThat(texts(d, "//table[contains(@class,'checkpoints')]/tbody/tr/@data-size")).containsExactly("8");
            assertThat(texts(d, "//table[contains(@class,'params')]//tr[@data-param='abuse.effort-floor']/td"))
                    .containsExactly("32", "entry #1, from 2026-01-01 00:01:00");
            assertThat(texts(d, "//table[contains(@class,'history')]//tr[@data-param='abuse.effort-floor']/td[@class='change']"))
                    .containsExactly("16 \u2192 32");

            // Plots: the total and one per mixnode, each point a circle; the mixnode with problems first.
            assertThat(all(d, "//figure[contains(@class,'total')]//*[local-name()='circle']").getLength()).isEqualTo(6);
            assertThat(texts(d, "//div[@class='multiples']/figure/@data-node")).containsExactly(HOSTILE, "mix-a.test");
            assertThat(texts(d, "//figure[@data-node='mix-a.test']//*[local-name()='desc']").get(0))
                    .contains("3 report intervals").contains("Latest: 512 accepted, 32 rejected");

            // Accessible: tables have captions, plots a title and a description; one h1, an h2 per section.
            assertThat(all(d, "//table[not(caption)]").getLength()).isZero();
            assertThat(all(d, "//*[local-name()='svg'][not(*[local-name()='title']) or not(*[local-name()='desc'])]").getLength()).isZero();
            assertThat(texts(d, "//h1")).hasSize(1);
            assertThat(texts(d, "//section/h2")).containsExactly("Network map", "Messages accepted and rejected", "Decision timeline",
                    "Checkpoints and witness cosignatures", "Findings", "Proof-of-work and rate-limit parameters");

            // Safe: the hostile key name is text everywhere, never markup; nothing is loaded from elsewhere.
            assertThat(html).doesNotContain(HOSTILE).contains("&lt;img/src=x/onerror=alert(1)&gt;");
            assertThat(all(d, "//img").getLength()).isZero();
            assertThat(texts(d, "//@src | //@href")).allSatisfy(u -> assertThat(u)
                    .matches("#[a-z]+|/dashboard/dashboard\\.(css|js)|/(state|notices|notices\\.atom|vkey)"));
        }
    }

    @Test
    void anEmptyAuditSaysSoInEachSection() throws Exception {
        AuditState empty = new AuditState(dev.virex.testkit.MutableClock.atEpoch());
        Document d = parse(DashboardPage.render(empty.snapshot(), "auditor.audit.test"));
        assertThat(texts(d, "//p[contains(@class,'empty')]")).hasSize(6);
        assertThat(texts(d, "//*[@id='verified-entries']")).containsExactly("0");
    }

    @Test
    void aDecisionNamedByAFindingShowsItsSeverity() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test")) {
            a.genesis().add(F.entryNamingFewer(TestFederation.join(T.plusSeconds(60), "m.test", "o.test", "10.0.0.1", 4000), 1, 2, 3));
            a.poll();
            Document d = parse(DashboardPage.render(a.state.snapshot(), "auditor.audit.test"));
            assertThat(texts(d, "//tr[@data-index='1']/@data-status")).containsExactly("violation");
            assertThat(texts(d, "//tr[@data-index='0']/@data-status")).containsExactly("verified");
            assertThat(texts(d, "//table[contains(@class,'findings')]/tbody/tr/@data-code")).containsExactly("attestation-below-threshold");
        }
    }
}
