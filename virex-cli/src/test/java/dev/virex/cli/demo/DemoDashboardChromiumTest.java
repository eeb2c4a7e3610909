package dev.virex.cli.demo;

import static dev.virex.testkit.DomText.all;
import static dev.virex.testkit.DomText.count;
import static dev.virex.testkit.DomText.one;
import static dev.virex.testkit.DomText.row;
import static dev.virex.testkit.DomText.section;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.http.Json;
import dev.virex.testkit.HeadlessChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of a running demo in a real browser: the demo's network and its whole default
 * scenario (the same pieces {@code virex demo} runs), then, with the network still up, headless
 * Chromium renders the auditor's dashboard. The test checks the page against what the demo
 * narrated and wrote to network.json: every narrated decision in the timeline at its log index,
 * the admitted and removed nodes, a plot per mixnode with the flood's signed figures, witnessed
 * checkpoints and the difficulty in force. Skipped without Chromium, except on CI.
 */
class DemoDashboardChromiumTest {
    static final int WIDTH = 1400;
    static final int HEIGHT = 2400;
    static final int HEADER_RGB = 0x14213d;
    static final Duration CHROMIUM_TIMEOUT = Duration.ofSeconds(90);
    static final Path OUT = Path.of("target", "demo-dashboard");
    /** A decision line of the narrative: "#21 node-removed mix-6: ...", "#3 directory snapshot: ...". */
    static final Pattern DECISION = Pattern.compile(
            "(?m)^ +#(\\d+) (federation-key|params-changed|epoch|directory|join-approved|join-rejected|node-removed)\\b");

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void theDashboardOfARunningDemoShowsWhatTheDemoDid() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.forTest();
        StringWriter told = new StringWriter();
        DemoOptions options = new DemoOptions(5, 3, 8, 4, Optional.of(dir), true, true, Optional.empty());
        Path where = DemoDir.prepare(dir);
        try (DemoLog logs = DemoLog.toFile(where); DemoNetwork net = new DemoNetwork(where)) {
            new Scenario(net, options, new Narrator(new PrintWriter(told, true))).run();
            awaitFloodReportAudited(net, told.toString());

            URI page = URI.create(NetworkFile.dashboard(net));
            Files.createDirectories(OUT);
            Path png = OUT.resolve("dashboard.png");
            chromium.screenshot(page, png, WIDTH, HEIGHT, 3000, CHROMIUM_TIMEOUT);
            String dom = chromium.dumpDom(page, 12_000, CHROMIUM_TIMEOUT);
            Files.writeString(OUT.resolve("dashboard-dom.html"), dom, StandardCharsets.UTF_8);
            Files.writeString(OUT.resolve("narrative.txt"), told.toString(), StandardCharsets.UTF_8);

            HeadlessChromium.checkScreenshot(png, WIDTH, HEIGHT, HEADER_RGB);
            checkDom(dom, told.toString(), Json.MAPPER.readTree(Files.readAllBytes(where.resolve(NetworkFile.NAME))), options);
        }
    }

    static void checkDom(String dom, String story, JsonNode network, DemoOptions options) {
        String flat = story.replaceAll("\\s+", " ");
        Map<Integer, String> narrated = decisions(story);
        // The genesis (federation key, parameters, epoch, directory), the joins, the Sybil burst, a removal, a change.
        assertThat(narrated).as("decisions the demo narrated").hasSize(4 + options.nodes() + SybilStep.BURST + 2);
        int last = narrated.keySet().stream().max(Integer::compare).orElseThrow();
        List<String> members = texts(network.at("/federation/members"), "name");
        List<String> witnesses = texts(network.at("/witnesses"), "name");
        List<String> mixnodes = texts(network.at("/mixnodes"), "id");

        // The page is live: its script read the auditor's state, which has verified every narrated decision.
        assertThat(Integer.parseInt(one(dom, "data-refreshes=\"(\\d+)\""))).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(one(dom, "id=\"live\"[^>]*>Live: (\\d+) entries verified"))).isGreaterThan(last);

        // The timeline: every entry from #0, each narrated decision at its index with its kind, none refused.
        Map<Integer, String> kinds = new TreeMap<>();
        for (String r : all(dom, "<tr data-index=\"(\\d+)\" data-kind=\"([^\"]+)\" data-status=\"([^\"]+)\"")) {
            String[] f = r.split(" ");
            assertThat(f[2]).as("status of entry #%s", f[0]).isIn("verified", "warning");
            kinds.put(Integer.parseInt(f[0]), f[1]);
        }
        assertThat(kinds.keySet()).as("the timeline lists every entry").containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, kinds.size()).boxed().toList());
        assertThat(kinds).containsAllEntriesOf(narrated);

        // Each decision names at least M real members as its signers.
        for (int index : narrated.keySet()) {
            assertThat(all(row(dom, "<tr data-index=\"" + index + "\""), "<li class=\"signer\">([^<]+)</li>"))
                    .as("signers of #%d", index).hasSizeGreaterThanOrEqualTo(network.at("/federation/threshold").asInt())
                    .isSubsetOf(members).doesNotHaveDuplicates();
        }

        // The map: the nodes the demo admitted, by role, but the removed one, which is listed apart.
        String removed = one(flat, "#\\d+ node-removed (\\S+):");
        List<String> admitted = new ArrayList<>();
        Matcher joins = Pattern.compile("#\\d+ join-approved (\\S+) \\((mixnode|mailbox|ods),").matcher(flat);
        while (joins.find()) {
            if (!joins.group(1).equals(removed)) {
                admitted.add(joins.group(1) + " " + joins.group(2));
            }
        }
        assertThat(admitted).hasSize(options.nodes() - 1);
        assertThat(all(dom, "data-node=\"([^\".]+)[^\"]*\" data-role=\"([^\"]+)\"")).containsExactlyInAnyOrderElementsOf(admitted);
        assertThat(all(dom, "data-removed=\"([^\".]+)[^\"]*\"")).containsExactly(removed);

        // One plot per mixnode of network.json, beside the total; the flooded one shows the figures of the signed
        // enforcement report the demo read.
        assertThat(count(section(dom, "<figure class=\"plot total\">", "</figure>"), "<circle ")).isGreaterThanOrEqualTo(2);
        assertThat(all(dom, "<figure class=\"plot[^\"]*\" data-node=\"([^\"]+)\"")).containsExactlyInAnyOrderElementsOf(mixnodes);
        String flooded = one(flat, "An attacker floods (\\S+);");
        Matcher report = Pattern.compile(Pattern.quote(flooded) + "'s signed enforcement report of the flood \\(interval \\d+[^)]*\\)[^:]*: (\\d+) accepted, (\\d+) rejected")
                .matcher(flat);
        assertThat(report.find()).as("the narrated report of the flood").isTrue();
        String plot = one(dom, "(?s)(<figure class=\"plot[^\"]*\" data-node=\"" + Pattern.quote(flooded) + "\\.[^\"]*\">.*?</figure>)");
        assertThat(plot).contains(String.format("<td class=\"num\">%,d</td><td class=\"num\">%,d</td>",
                Long.parseLong(report.group(1)), Long.parseLong(report.group(2))));

        // The newest checkpoint covers every decision and carries the witness quorum.
        int size = Integer.parseInt(one(dom, "<tr data-size=\"(\\d+)\""));
        assertThat(size).isGreaterThan(last);
        assertThat(all(row(dom, "<tr data-size=\"" + size + "\""), "<li class=\"witness\">([^<]+)</li>"))
                .hasSizeGreaterThanOrEqualTo(2).isSubsetOf(witnesses);

        // The difficulty the federation raised is in force, decided at the narrated entry.
        String change = one(flat, "#(\\d+) params-changed: abuse\\.effort-floor 64 ");
        assertThat(row(dom, "<tr class=\"pow\" data-param=\"abuse.effort-floor\""))
                .contains("<td class=\"value\">64</td>").contains("entry #" + change + ",");
    }

    /** The report interval of the flood that the demo narrated: "mix-1's signed enforcement report of the flood (interval N, ...". */
    static final Pattern FLOOD_REPORT = Pattern.compile("(\\S+)'s signed enforcement report of the flood \\(interval (\\d+)");

    /** Waits (30 s at most) until the auditor has checked the report of the flood that the demo read, so that the page plots it. */
    static void awaitFloodReportAudited(DemoNetwork net, String story) throws InterruptedException {
        Matcher m = FLOOD_REPORT.matcher(story);
        assertThat(m.find()).as("the narrated report of the flood").isTrue();
        String node = m.group(1) + ".";
        long interval = Long.parseLong(m.group(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (net.auditor.service().state().snapshot().series().stream().filter(s -> s.node().startsWith(node))
                .flatMap(s -> s.points().stream()).noneMatch(p -> p.interval() == interval)) {
            assertThat(System.nanoTime()).as("the auditor checked %s's report of interval %d within 30 s", node, interval)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The narrated decisions: log index to kind, as the dashboard names kinds. */
    static Map<Integer, String> decisions(String story) {
        Map<Integer, String> out = new TreeMap<>();
        Matcher m = DECISION.matcher(story);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
