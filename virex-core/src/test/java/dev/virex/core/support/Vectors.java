package dev.virex.core.support;

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

    /** Case names (file names without extension) of files with {@code ext} in folder {@code name}. */
    public static Stream<String> cases(String name, String ext) {
        try (Stream<Path> files = Files.list(dir(name))) {
            List<String> out = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(ext))
                    .map(f -> f.substring(0, f.length() - ext.length()))
                    .sorted()
                    .toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no " + ext + " vectors in " + name);
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

    public static List<String> lines(String name, String file) {
        return new String(bytes(name, file), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
