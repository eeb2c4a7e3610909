package dev.virex.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.cli.CliRun;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code virex demo} in process, the whole default scenario: exit 0, every step's line with the log
 * indexes of its decisions, network.json's shape, nothing on stderr, and nothing left listening.
 */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void theDefaultScenarioChecksEveryStepAndExitsZero() throws Exception {
        CliRun r = CliRun.of("demo", "--exit-after-scenario", "--dir", dir.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).as("nothing but the narrative on the console").isBlank();
        String out = r.out();
        assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Narrator.WIDTH));
        assertThat(out).contains("[1] A federation of 5 members makes its group key", "[2] A transparency log and 3 witnesses",
                "[3] The members start and sign the genesis", "[4] An auditor re-verifies", "[5] 8 nodes join",
                "[6] 4 clients send messages", "[7] A Sybil burst", "[8] A malicious node is removed", "[9] The federation raises the PoW",
                "[10] An attacker floods", "[11] The auditor's verdict", "Demo complete");
        assertThat(count(out, "\n    OK: ")).isEqualTo(11);
        assertThat(count(out, "join-approved ")).isEqualTo(8);
        assertThat(matches(out, "#\\d+ join-rejected sybil-\\d: operator-cap ")).hasSize(SybilStep.BURST);
        assertThat(matches(out, "#\\d+ node-removed mix-6: malicious ")).hasSize(1);
        assertThat(matches(out, "#\\d+ params-changed: abuse.effort-floor 64 ")).hasSize(1);
        assertThat(phrases(out, "all 5 mixnodes enforce 64", "refused by mix-1: its reply frame says effort-too-low, floor 64",
                "with the digest of the same directory this demo folded", "honest clients: ", "OK: no violation",
                "mix-6 itself reports \"removed\"", "left every routing table", "mix-1's signed enforcement report of the flood",
                "effort floor 64 as decided")).isEmpty();
        assertThat(matches(out, "attacker: \\d+ sent, \\d+ accepted")).hasSize(1);

        JsonNode net = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("network.json")));
        assertThat(net.fieldNames()).toIterable().containsExactlyInAnyOrder("log", "federation", "witnesses", "auditor", "mixnodes",
                "dashboard");
        VerifierKey.parse(net.at("/log/vkey").asText());
        assertThat(VerifierKey.parse(net.at("/federation/vkey").asText()).name()).isEqualTo(Federation.NAME);
        assertThat(net.at("/federation/threshold").asInt()).isEqualTo(3);
        assertThat(net.at("/federation/members")).hasSize(5).allSatisfy(m -> {
            assertThat(VerifierKey.parse(m.path("vkey").asText()).name()).isEqualTo(m.path("name").asText());
            assertThat(m.path("url").asText()).startsWith("http://127.0.0.1:");
        });
        assertThat(net.at("/witnesses")).hasSize(3).allSatisfy(w -> assertThat(w.path("url").asText()).startsWith("http://127.0.0.1:"));
        VerifierKey.parse(net.at("/auditor/vkey").asText());
        assertThat(net.at("/mixnodes")).as("mix-6 was removed").hasSize(5).allSatisfy(m -> {
            assertThat(m.path("id").asText()).matches("mix-[1-5]\\.demo\\.example");
            assertThat(m.path("address").asText()).matches("127\\.0\\.0\\.1:\\d+");
        });
        assertThat(net.at("/dashboard/url").asText()).isEqualTo(URI.create(net.at("/auditor/url").asText()).resolve("/dashboard").toString());
        assertThat(dir.resolve(DemoLog.FILE)).isNotEmptyFile();

        List<String> urls = new ArrayList<>(List.of(net.at("/log/url").asText(), net.at("/auditor/url").asText()));
        net.at("/federation/members").forEach(m -> urls.add(m.path("url").asText()));
        net.at("/witnesses").forEach(w -> urls.add(w.path("url").asText()));
        net.at("/mixnodes").forEach(m -> urls.add("http://" + m.path("address").asText()));
        assertThat(urls).as("nothing listens once the demo is over").noneMatch(DemoTest::listening);
        assertThat(leftoverThreads()).as("no thread of the demo or its roles survives it").isEmpty();
    }

    /**
     * Threads still alive after a short grace: non-daemon threads other than the test's own, and
     * threads of VIREX roles ("virex-...") but the process-wide fsync pool of the log's storage.
     */
    static List<String> leftoverThreads() throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(t -> !t.isDaemon() && !t.getName().equals("main") && !t.getName().startsWith("junit-")
                            || t.getName().startsWith("virex-") && !t.getName().equals("virex-fsync"))
                    .map(Thread::getName).sorted().toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    @Test
    @Timeout(120)
    void aSmallNetworkWithoutTheScenarioRunsForAWhileInAPreviousDemosDirectory() throws Exception {
        Files.writeString(dir.resolve(DemoDir.MARKER), "an earlier run\n");
        Files.writeString(dir.resolve("stale.txt"), "left by an earlier run\n");
        CliRun r = CliRun.of("demo", "--members", "3", "--threshold", "2", "--nodes", "4", "--clients", "1", "--scenario", "none",
                "--for", "1s", "--dir", dir.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("[5] 4 nodes join: 2 mixnodes, a mailbox and an ODS server", "[7] The auditor's verdict",
                "bin/virex audit --log ", "The network stops by itself in", "Stopping the network.").doesNotContain("Sybil");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Narrator.WIDTH));
        assertThat(dir.resolve("stale.txt")).doesNotExist();
        assertThat(Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("network.json"))).at("/mixnodes")).hasSize(2);
    }

    @Test
    void badOptionsAreUsageErrorsAndAForeignDirectoryIsRefused() throws IOException {
        CliRun threshold = CliRun.of("demo", "--members", "3", "--threshold", "4");
        assertThat(threshold.code()).isEqualTo(2);
        assertThat(threshold.err()).contains("--threshold must be 1 to --members (3)");
        assertThat(CliRun.of("demo", "--nodes", "3").err()).contains("--nodes must be 4 to");
        assertThat(CliRun.of("demo", "--scenario", "half").code()).isEqualTo(2);
        Files.writeString(dir.resolve("precious.txt"), "not a demo's\n");
        CliRun foreign = CliRun.of("demo", "--dir", dir.toString());
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err()).contains("is not empty and holds no previous demo");
        assertThat(dir.resolve("precious.txt")).hasContent("not a demo's");
    }

    private static boolean listening(String url) {
        URI u = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The phrases not found in {@code out}, wherever its lines were wrapped. */
    private static List<String> phrases(String out, String... phrases) {
        List<String> missing = new ArrayList<>();
        for (String p : phrases) {
            String regex = String.join("\\s+", java.util.Arrays.stream(p.split(" ")).map(Pattern::quote).toList());
            if (!Pattern.compile(regex).matcher(out).find()) {
                missing.add(p);
            }
        }
        return missing;
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<String> matches(String s, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
