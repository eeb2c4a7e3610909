// Prints one closing line for the whole test run, summed over every module's Surefire reports
// written since the run started: "tests: N passed, N failed, N skipped".
// Run as a single-file program: java bin/lib/TestSummary.java ROOT [SINCE_EPOCH_MILLIS]
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class TestSummary {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern ATTR = Pattern.compile("\\b(tests|failures|errors|skipped)=\"(\\d+)\"");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        long since = args.length > 1 ? Long.parseLong(args[1]) : 0L;
        long[] totals = new long[4]; // tests, failures, errors, skipped
        try (Stream<Path> files = Files.walk(root, 6)) {
            for (Path p : (Iterable<Path>) files.filter(TestSummary::isReport)::iterator) {
                if (Files.getLastModifiedTime(p).toMillis() < since) continue;
                Matcher suite = SUITE.matcher(Files.readString(p));
                if (!suite.find()) continue;
                Matcher a = ATTR.matcher(suite.group());
                while (a.find()) {
                    int i = switch (a.group(1)) { case "tests" -> 0; case "failures" -> 1; case "errors" -> 2; default -> 3; };
                    totals[i] += Long.parseLong(a.group(2));
                }
            }
        }
        long failed = totals[1] + totals[2];
        long passed = totals[0] - failed - totals[3];
        System.out.printf("tests: %d passed, %d failed, %d skipped%n", passed, failed, totals[3]);
    }

    private static boolean isReport(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml")
                && p.getParent() != null && p.getParent().getFileName().toString().equals("surefire-reports");
    }
}
