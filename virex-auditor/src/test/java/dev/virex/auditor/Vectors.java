package dev.virex.auditor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The vector files under src/test/resources/vectors, named by expected outcome. */
final class Vectors {
    private Vectors() {}

    static Path dir(String name) {
        try {
            return Path.of(Vectors.class.getResource("/vectors/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> files(String name, String prefix) {
        try (Stream<Path> s = Files.list(dir(name))) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(prefix)).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name, String file) {
        try {
            return Files.readAllBytes(dir(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
