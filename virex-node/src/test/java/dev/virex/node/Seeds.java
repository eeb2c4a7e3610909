package dev.virex.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Checks that fuzz seed files named {@code valid_*} parse and {@code error_*} do not. */
public final class Seeds {
    public interface Parser {
        void parse(byte[] data) throws Exception;
    }

    private Seeds() {}

    public static void check(Class<?> fuzzTest, String method, Class<? extends Exception> error, Parser parser) throws Exception {
        Path dir = dir(fuzzTest, method);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).as("seeds in " + dir).isNotEmpty();
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            if (name.startsWith("valid_")) {
                parser.parse(data);
            } else {
                assertThat(name).startsWith("error_");
                assertThatThrownBy(() -> parser.parse(data)).as(name).isInstanceOf(error);
            }
        }
    }

    private static Path dir(Class<?> fuzzTest, String method) {
        String res = fuzzTest.getName().replace('.', '/') + "Inputs/" + method;
        try {
            return Path.of(fuzzTest.getClassLoader().getResource(res).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
