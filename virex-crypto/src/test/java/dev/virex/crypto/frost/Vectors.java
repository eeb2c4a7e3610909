package dev.virex.crypto.frost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the vector files under src/test/resources/vectors, named by expected outcome. */
public final class Vectors {
    private Vectors() {}

    public static Path dir(String name) {
        URL url = Vectors.class.getResource("/vectors/" + name);
        if (url == null) {
            throw new IllegalStateException("no vector folder " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File names in folder {@code name}, sorted; never empty. */
    public static Stream<String> files(String name) {
        try (Stream<Path> files = Files.list(dir(name))) {
            List<String> out = files.map(p -> p.getFileName().toString()).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no vectors in " + name);
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name, String file) {
        try {
            return Files.readAllBytes(dir(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name, String file) {
        return new String(bytes(name, file), StandardCharsets.UTF_8);
    }
}
