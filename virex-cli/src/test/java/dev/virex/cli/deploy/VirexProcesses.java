package dev.virex.cli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built {@code virex} jar run as separate JVMs, as an operator runs it: services that keep
 * running until {@link #close()}, and commands that run to their end. Each process writes its
 * output to {@code logs/<name>.log} (a command's stdout to {@code logs/<name>.out}); {@link #dump()}
 * prints them all. Every wait is bounded.
 */
final class VirexProcesses implements AutoCloseable {
    static final Duration STOP = Duration.ofSeconds(10);
    private final Path jar;
    private final Path workDir;
    private final Path logs;
    private final Map<String, Process> services = new LinkedHashMap<>();

    /** A finished command: its exit code, standard output and log (standard error). */
    record Result(String name, int code, String out, String log) {
        String line(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " printed no '" + prefix + "' line:\n" + out + log));
        }
    }

    VirexProcesses(Path jar, Path workDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs the packaged CLI ('mvn verify' packages it first)");
        }
        this.jar = jar;
        this.workDir = workDir;
        this.logs = Files.createDirectories(workDir.resolve("logs"));
    }

    private ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx160m", "-Xss512k", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("VIREX_JAVA_OPTS");
        return pb;
    }

    /** Starts a service; its stdout and stderr go to {@code logs/<name>.log}. */
    void start(String name, String... args) throws IOException {
        Path log = logs.resolve(name + ".log");
        services.put(name, builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** Starts several commands at once and waits for each. */
    List<Result> runAll(Duration timeout, List<String[]> commands) throws IOException, InterruptedException {
        List<Process> started = new ArrayList<>();
        for (String[] c : commands) {
            started.add(launch(c));
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            out.add(finish(commands.get(i)[0], started.get(i), timeout));
        }
        return out;
    }

    /** Runs a command to its end; the first argument names its log. */
    Result run(Duration timeout, String name, String... args) throws IOException, InterruptedException {
        String[] c = new String[args.length + 1];
        c[0] = name;
        System.arraycopy(args, 0, c, 1, args.length);
        return runAll(timeout, List.<String[]>of(c)).get(0);
    }

    private Process launch(String[] nameAndArgs) throws IOException {
        String name = nameAndArgs[0];
        String[] args = List.of(nameAndArgs).subList(1, nameAndArgs.length).toArray(String[]::new);
        return builder(args).redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".log").toFile())
                .start();
    }

    private Result finish(String name, Process p, Duration timeout) throws IOException, InterruptedException {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(name + " did not finish within " + timeout + ":\n" + read(logs.resolve(name + ".log")));
        }
        return new Result(name, p.exitValue(), read(logs.resolve(name + ".out")), read(logs.resolve(name + ".log")));
    }

    /** Waits until a line of service {@code name}'s log matches, failing if it exits or the time is up. */
    String awaitLine(String name, Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = logs.resolve(name + ".log");
        while (true) {
            Optional<String> found = read(log).lines().filter(line).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Process p = services.get(name);
            if (p != null && !p.isAlive()) {
                throw new AssertionError(name + " exited with " + p.exitValue() + ":\n" + read(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log the expected line within " + timeout + ":\n" + read(log));
            }
            Thread.sleep(100);
        }
    }

    /** Asserts every service is still running. */
    void assertAllAlive() {
        services.forEach((name, p) -> {
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited with " + p.exitValue() + ":\n" + read(logs.resolve(name + ".log")));
            }
        });
    }

    /** Prints every log, for a failed run. */
    void dump() {
        try (var files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                System.out.println("===== " + f.getFileName() + " =====");
                System.out.println(read(f));
            }
        } catch (IOException e) {
            System.out.println("cannot list " + logs + ": " + e);
        }
    }

    /** Stops every service: SIGTERM first, then forcibly after {@link #STOP}. */
    @Override
    public void close() {
        services.values().forEach(Process::destroy);
        try {
            for (Process p : services.values()) {
                if (!p.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            services.values().forEach(Process::destroyForcibly);
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
