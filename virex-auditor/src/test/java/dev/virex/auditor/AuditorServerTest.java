package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.auditor.http.AuditorServer;
import dev.virex.auditor.notice.Notice;
import dev.virex.http.HttpService;
import dev.virex.http.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The auditor's HTTP API: notices paged newest first, one notice, the Atom feed, state, gossip. */
class AuditorServerTest {
    static final TestFederation F = AuditFixture.FEDERATION;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void noticesFeedStateAndGossip() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test");
             AuditorServer s = AuditorServer.start(a.notices, a.auditorKey.verifierKey(), a.state, a.auditor, HttpService.Options.loopback("auditor"))) {
            a.genesis();
            a.poll();
            for (int i = 0; i < 6; i++) {
                a.add(F.entry(TestFederation.join(TestFederation.T0.plus(Duration.ofMinutes(1 + i)), "b" + i + ".test", "op.test",
                        "10.1." + i + ".1", 4000), 1, 2, 3));
                a.poll();
            }
            // 7 checkpoint notices and 1 join-burst finding: 8 notices.
            JsonNode first = Json.MAPPER.readTree(get(s.baseUri(), "/notices?limit=5").body());
            assertThat(first.path("notices")).hasSize(5);
            assertThat(first.path("notices").get(0).path("serial").asLong()).isEqualTo(8);
            String next = first.path("next").asText();
            assertThat(next).isEqualTo("/notices?before=4&limit=5");
            JsonNode second = Json.MAPPER.readTree(get(s.baseUri(), next).body());
            assertThat(second.path("notices")).hasSize(3);
            assertThat(second.path("next").isNull()).isTrue();
            // Each notice verifies under the auditor's vkey, which the server also publishes.
            String vkey = new String(get(s.baseUri(), "/vkey").body()).strip();
            assertThat(vkey).isEqualTo(a.auditorKey.verifierKey().encode());
            Notice one = Notice.open(get(s.baseUri(), "/notices/3").body(), a.auditorKey.verifierKey());
            assertThat(one.serial()).isEqualTo(3);
            assertThat(get(s.baseUri(), "/notices/99").statusCode()).isEqualTo(404);
            assertThat(get(s.baseUri(), "/notices?limit=0").statusCode()).isEqualTo(400);
            assertThat(get(s.baseUri(), "/notices?page=2").statusCode()).isEqualTo(400);
            assertThat(get(s.baseUri(), "/notices/007").statusCode()).isEqualTo(400);

            HttpResponse<byte[]> atom = get(s.baseUri(), "/notices.atom");
            assertThat(atom.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/atom+xml"));
            Document feed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(atom.body()));
            assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(8);
            // Titles: the feed's, then each entry's, newest first: the last checkpoint, then the finding before it.
            var titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
            assertThat(titles.item(1).getTextContent()).isEqualTo("#8 checkpoint log.audit.test size 7 verified");
            assertThat(titles.item(2).getTextContent()).startsWith("#7 warning join-burst-operator: 6 approvals");
            String content = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content").item(0).getTextContent();
            assertThat(Notice.open(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), a.auditorKey.verifierKey()).serial()).isEqualTo(8);

            JsonNode state = Json.MAPPER.readTree(get(s.baseUri(), "/state").body());
            assertThat(state.path("verifiedEntries").asLong()).isEqualTo(7);
            assertThat(state.path("decisionCounts").path("join-approved").asLong()).isEqualTo(6);
            assertThat(state.path("warnings").asLong()).isEqualTo(1);
            assertThat(state.path("findings").get(0).path("code").asText()).isEqualTo("join-burst-operator");
            assertThat(state.path("checkpoints").get(0).path("size").asLong()).isEqualTo(7);
            assertThat(state.path("decisions").get(0).path("signers")).hasSize(3);

            HttpResponse<byte[]> gossip = get(s.baseUri(), "/gossip");
            assertThat(dev.virex.auditor.gossip.GossipMessage.parse(gossip.body()).checkpoints()).containsExactly(a.log.checkpoint());
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(s.baseUri().resolve("/gossip"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theDashboardIsServedWithItsOwnStylesheetAndScriptOnly() throws Exception {
        try (AuditFixture a = new AuditFixture(dir, "auditor.audit.test");
             AuditorServer s = AuditorServer.start(a.notices, a.auditorKey.verifierKey(), a.state, a.auditor, HttpService.Options.loopback("auditor"))) {
            a.genesis();
            a.poll();
            HttpResponse<byte[]> page = get(s.baseUri(), "/dashboard");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "http:", "https:", "*"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("auditor.audit.test").contains("data-version=\"");
            assertThat(html).doesNotContain("style=\"").doesNotContain("<script>");

            HttpResponse<byte[]> css = get(s.baseUri(), "/dashboard/dashboard.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c.replace(" ", "")).isEqualTo("text/css;charset=utf-8"));
            assertThat(new String(css.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("url(", "@import");
            HttpResponse<byte[]> js = get(s.baseUri(), "/dashboard/dashboard.js");
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c.replace(" ", "")).isEqualTo("text/javascript;charset=utf-8"));
            assertThat(new String(js.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("fetch('/state'").doesNotContain("innerHTML", "eval(", "http");

            HttpResponse<byte[]> root = get(s.baseUri(), "/");
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).hasValue("/dashboard");
            assertThat(get(s.baseUri(), "/dashboard/nothing").statusCode()).isEqualTo(404);
        }
    }
}
