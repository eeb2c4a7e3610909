package dev.virex.cli.demo;

import dev.virex.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's directory: keys, configuration files, role data, network.json and the log file. A
 * fresh temporary directory by default; a given one must be empty or hold a previous demo's
 * files (recognised by the marker file), which are then replaced. Anything else is refused, so
 * that the demo never deletes files it did not write.
 */
final class DemoDir {
    static final String MARKER = ".virex-demo";

    private DemoDir() {}

    static Path prepare(Path requested) {
        try {
            Path dir = requested == null ? Files.createTempDirectory("virex-demo-") : requested.toAbsolutePath().normalize();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError(dir + " is not a directory");
            }
            Files.createDirectories(dir);
            List<Path> present;
            try (Stream<Path> s = Files.list(dir)) {
                present = s.toList();
            }
            if (!present.isEmpty()) {
                if (!Files.isRegularFile(dir.resolve(MARKER))) {
                    throw new UserError(dir + " is not empty and holds no previous demo (no " + MARKER
                            + " file); choose an empty or new directory");
                }
                for (Path p : present) {
                    delete(p);
                }
            }
            Files.writeString(dir.resolve(MARKER), "files written by 'virex demo'; the next run with --dir replaces them\n",
                    StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UserError("cannot prepare the demo directory: " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
