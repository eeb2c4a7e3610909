package dev.virex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}) for tests of web pages: a screenshot of a page and
 * a dump of its DOM after its scripts ran for a virtual time budget. Each run gets a fresh
 * profile directory, talks to nothing but the page (background networking, component updates,
 * sync and crash reporting off), is bounded by a timeout, and leaves no process behind: every
 * process it started is ended when it finishes or times out.
 */
public final class HeadlessChromium {
    public static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final int OUTPUT_TAIL = 2000;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium at {@code $VIREX_CHROMIUM}, else at /usr/bin/chromium, if executable. */
    public static Optional<HeadlessChromium> find() {
        String env = System.getenv("VIREX_CHROMIUM");
        Path p = env == null || env.isBlank() ? DEBIAN : Path.of(env);
        return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
    }

    /** True on CI ({@code CI=true}), where page tests must run rather than be skipped. */
    public static boolean requiredHere() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Chromium for a page test: skips the test where Chromium is not installed, but fails it on CI,
     * where the test setup installs Chromium and the page test must run.
     */
    public static HeadlessChromium forTest() {
        Optional<HeadlessChromium> found = find();
        if (found.isEmpty() && requiredHere()) {
            Assertions.fail("CI=true but Chromium is not installed at " + DEBIAN + " (bin/lib/test-setup.sh installs it on CI)");
        }
        Assumptions.assumeTrue(found.isPresent(), "headless Chromium is not installed (" + DEBIAN
                + "); `VIREX_INSTALL_TEST_DEPS=1 bin/test` installs it with apt-get");
        return found.orElseThrow();
    }

    /**
     * Checks that {@code png} is a screenshot of {@code width} x {@code height} that shows
     * something: the page's header band of colour {@code headerRgb} at its top right, many colours,
     * and mostly not blank white.
     */
    public static void checkScreenshot(Path png, int width, int height, int headerRgb) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
        assertThat(img.getRGB(width - 5, 5) & 0xffffff).as("the header band's colour").isEqualTo(headerRgb);
        Set<Integer> colours = new HashSet<>();
        long white = 0;
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                white += rgb == 0xffffff ? 1 : 0;
            }
        }
        assertThat(colours).as("colours in the screenshot").hasSizeGreaterThan(100);
        assertThat(white).as("blank white pixels").isLessThan((long) (width / 4) * (height / 4) * 9 / 10);
    }

    public Path binary() {
        return binary;
    }

    /** Renders {@code page} in a window of the given size and writes a PNG of it to {@code png}. */
    public void screenshot(URI page, Path png, int width, int height, int virtualTimeMillis, Duration timeout) throws IOException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
                "--virtual-time-budget=" + virtualTimeMillis, page.toString()), timeout);
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    /** The page's DOM serialized as HTML after its scripts ran for {@code virtualTimeMillis} of virtual time. */
    public String dumpDom(URI page, int virtualTimeMillis, Duration timeout) throws IOException {
        return run(List.of("--dump-dom", "--virtual-time-budget=" + virtualTimeMillis, page.toString()), timeout);
    }

    private String run(List<String> args, Duration timeout) throws IOException {
        Path profile = Files.createTempDirectory("virex-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-crash-reporter", "--disable-breakpad", "--user-data-dir=" + profile.resolve("profile")));
            cmd.addAll(args);
            Path out = profile.resolve("stdout");
            Path err = profile.resolve("stderr");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = await(p, timeout);
            if (!done) {
                throw new IOException("chromium did not finish within " + timeout + ": " + tail(err));
            }
            if (p.exitValue() != 0) {
                throw new IOException("chromium exited with " + p.exitValue() + ": " + tail(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            delete(profile);
        }
    }

    /** Waits for the process, noting its descendants as they appear; ends all of them that are still alive. */
    private static boolean await(Process p, Duration timeout) throws IOException {
        Set<ProcessHandle> started = new LinkedHashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = false;
        try {
            while (!done && System.nanoTime() < deadline) {
                p.descendants().forEach(started::add);
                done = p.waitFor(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for chromium", e);
        } finally {
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        return done;
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.length() <= OUTPUT_TAIL ? s : "..." + s.substring(s.length() - OUTPUT_TAIL);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }
}
