package dev.virex.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks and prints one line per benchmark:
 * {@code NAME: VALUE UNIT (xR vs BASELINE VALUE UNIT)}. Every benchmark class has one method whose
 * name starts with {@code baseline}, measured in the same run; R is the speed relative to it
 * (x2.00 twice as fast, x0.50 half as fast), so the figure holds on a noisy machine.
 *
 * <p>Usage: {@code BenchMain [--quick] [--list] [REGEX...]}; a regex selects benchmarks by
 * {@code Class.method} and always brings that class's baseline along.
 */
public final class BenchMain {
    private BenchMain() {}

    /** In the forked benchmark JVMs: whether this is a {@code --quick} run, for benchmarks that shrink their setup. */
    static final boolean QUICK = Boolean.getBoolean("virex.bench.quick");

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        boolean list = false;
        List<Pattern> filters = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "--list" -> list = true;
                case "-h", "--help" -> {
                    System.out.println("usage: bench/run [--quick] [--list] [REGEX...]");
                    return;
                }
                default -> {
                    if (a.startsWith("-")) {
                        System.err.println("bench: unknown option " + a + " (try --help)");
                        System.exit(2);
                    }
                    filters.add(Pattern.compile(a));
                }
            }
        }
        List<String> selected = select(filters);
        if (selected.isEmpty()) {
            System.err.println("bench: no benchmark matches " + filters);
            System.exit(2);
        }
        if (list) {
            selected.forEach(System.out::println);
            return;
        }
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .forks(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        // One list: JMH keeps only the last jvmArgsAppend call.
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx4g"));
        if (Runtime.version().feature() >= 24) {
            jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        }
        for (String s : selected) {
            opts.include("^" + Pattern.quote(s) + "$");
        }
        if (quick) {
            // A smoke run, under two minutes: one short warm-up and one short measured iteration;
            // heavy benchmarks shrink their setup when they see virex.bench.quick (PropagationBench
            // runs 50 + 5 followers, LogAppendBench warms up for 1 s).
            opts.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(500));
            jvmArgs.add("-Dvirex.bench.quick=true");
        } else {
            opts.warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        opts.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        System.err.printf("bench: %d benchmarks, %s mode%n", selected.size(), quick ? "quick" : "full");
        Collection<RunResult> results = new Runner(opts.build(), new Progress(System.err, selected.size())).run();
        System.out.println("xR = speed relative to the baseline measured in the same run (x2.00: twice as fast)");
        report(results).forEach(System.out::println);
    }

    /** Benchmarks (Class.method, simple class name) matching any filter, plus their baselines. */
    static List<String> select(List<Pattern> filters) {
        TreeSet<String> all = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(new Progress(System.err, 0), List.of())) {
            all.add(e.getUsername());
        }
        TreeSet<String> out = new TreeSet<>();
        for (String name : all) {
            if (filters.isEmpty() || filters.stream().anyMatch(p -> p.matcher(shortName(name)).find())) {
                out.add(name);
                String cls = name.substring(0, name.lastIndexOf('.'));
                all.stream().filter(n -> n.startsWith(cls + ".baseline")).forEach(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    static List<String> report(Collection<RunResult> results) {
        Map<String, RunResult> byLabel = new TreeMap<>();
        for (RunResult r : results) {
            byLabel.put(label(r), r);
        }
        List<String> lines = new ArrayList<>();
        for (var e : byLabel.entrySet()) {
            RunResult r = e.getValue();
            String name = r.getParams().getBenchmark();
            if (method(name).startsWith("baseline")) {
                lines.add(e.getKey() + ": " + value(r) + " (baseline)");
                lines.addAll(secondary(e.getKey(), r, Optional.empty()));
                continue;
            }
            Optional<RunResult> base = baselineFor(r, results);
            lines.add(e.getKey() + ": " + value(r) + base.map(b -> String.format(Locale.ROOT, " (x%.2f vs %s %s)",
                    speedRatio(r, b), method(b.getParams().getBenchmark()), value(b))).orElse(" (no baseline in this class)"));
            lines.addAll(secondary(e.getKey(), r, base));
        }
        return lines;
    }

    private static Optional<RunResult> baselineFor(RunResult r, Collection<RunResult> all) {
        String cls = className(r.getParams().getBenchmark());
        List<RunResult> candidates = all.stream()
                .filter(b -> className(b.getParams().getBenchmark()).equals(cls))
                .filter(b -> method(b.getParams().getBenchmark()).startsWith("baseline"))
                .toList();
        // Prefer the baseline run with the same parameter values, when the baseline takes any.
        for (RunResult b : candidates) {
            boolean same = b.getParams().getParamsKeys().stream()
                    .allMatch(k -> b.getParams().getParam(k).equals(r.getParams().getParam(k)));
            if (same) {
                return Optional.of(b);
            }
        }
        return candidates.stream().findFirst();
    }

    /**
     * Secondary results (JMH {@code @AuxCounters}, e.g. bytes per tracked client, accepted messages
     * per second), one line each: {@code NAME:COUNTER: VALUE UNIT (R of BASELINE VALUE UNIT)}, R the
     * plain ratio to the baseline's counter of the same name when it has one.
     */
    static List<String> secondary(String label, RunResult r, Optional<RunResult> base) {
        List<String> out = new ArrayList<>();
        for (var s : new TreeMap<>(r.getSecondaryResults()).entrySet()) {
            String v = format(s.getValue().getScore(), s.getValue().getScoreUnit());
            Optional<String> ratio = base.map(b -> b.getSecondaryResults().get(s.getKey()))
                    .filter(b -> b.getScore() > 0)
                    .map(b -> String.format(Locale.ROOT, " (%.2f of baseline %s)", s.getValue().getScore() / b.getScore(),
                            format(b.getScore(), b.getScoreUnit())));
            out.add(label + ":" + s.getKey() + ": " + v + ratio.orElse(""));
        }
        return out;
    }

    /** Throughput: value / baseline. Time per operation: baseline / value. Above 1 is faster. */
    static double speedRatio(RunResult r, RunResult base) {
        double v = r.getPrimaryResult().getScore();
        double b = base.getPrimaryResult().getScore();
        return isTime(r) ? b / v : v / b;
    }

    private static boolean isTime(RunResult r) {
        String unit = r.getPrimaryResult().getScoreUnit();
        return unit.contains("/op");
    }

    private static String value(RunResult r) {
        return format(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit());
    }

    static String format(double score, String unit) {
        String num = score >= 100 ? String.format(Locale.ROOT, "%,.0f", score) : String.format(Locale.ROOT, "%.3g", score);
        return num + " " + unit;
    }

    private static String label(RunResult r) {
        StringBuilder sb = new StringBuilder(shortName(r.getParams().getBenchmark()));
        for (String k : r.getParams().getParamsKeys()) {
            sb.append(' ').append(k).append('=').append(r.getParams().getParam(k));
        }
        return sb.toString();
    }

    static String shortName(String benchmark) {
        String cls = className(benchmark);
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + method(benchmark);
    }

    private static String className(String benchmark) {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Progress on stderr: one line as each benchmark starts and ends. */
    static final class Progress extends SilentOutput {
        private final PrintStream err;
        private final int total;
        private int started;
        private long startNanos;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void startBenchmark(org.openjdk.jmh.infra.BenchmarkParams params) {
            started++;
            startNanos = System.nanoTime();
            StringBuilder label = new StringBuilder(shortName(params.getBenchmark()));
            for (String k : params.getParamsKeys()) {
                label.append(' ').append(k).append('=').append(params.getParam(k));
            }
            // @Param benchmarks run once per value, so the count of runs can exceed the names selected.
            err.printf("bench: [run %d, %d benchmarks selected] %s ...%n", started, total, label);
        }

        @Override
        public void endBenchmark(org.openjdk.jmh.results.BenchmarkResult result) {
            if (result != null) {
                err.printf("bench:        %s (%.1f s with its JVM and setup)%n",
                        format(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit()),
                        (System.nanoTime() - startNanos) / 1e9);
            }
        }
    }
}
