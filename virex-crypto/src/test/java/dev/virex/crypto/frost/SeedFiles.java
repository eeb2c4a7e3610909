package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The fuzz seed folders double as vectors named by outcome: {@code valid_*} must parse,
 * {@code error_<kind>_*} must fail with that {@link FrostException.Kind}.
 */
public final class SeedFiles {
    /** A parser under test. */
    public interface Parser {
        void parse(byte[] data) throws FrostException;
    }

    private SeedFiles() {}

    /** (method folder, file name) pairs under {@code <TestClass>Inputs}. */
    public static Stream<Arguments> cases(Class<?> fuzzTest) {
        try {
            Path dir = Path.of(fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs").toURI());
            try (Stream<Path> files = Files.walk(dir, 2)) {
                List<Arguments> out = files.filter(Files::isRegularFile)
                        .map(p -> Arguments.of(p.getParent().getFileName().toString(), p.getFileName().toString()))
                        .sorted(java.util.Comparator.comparing(a -> a.get()[0] + "/" + a.get()[1]))
                        .toList();
                assertThat(out).isNotEmpty();
                return out.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no seed folder for " + fuzzTest, e);
        }
    }

    public static byte[] read(Class<?> fuzzTest, String method, String file) {
        try {
            return Files.readAllBytes(Path.of(fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs/" + method + "/" + file).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks one seed against its name. */
    public static void check(Parser parser, String file, byte[] data) {
        try {
            parser.parse(data);
            assertThat(file).as("parsed, so the name must say valid").startsWith("valid_");
        } catch (FrostException e) {
            if (file.startsWith("valid_")) {
                fail(file + " must parse, got: " + e.getMessage());
            }
            String expected = expectedKind(file);
            assertThat(e.kind().name()).as(file + ": " + e.getMessage()).isEqualTo(expected);
        }
    }

    private static String expectedKind(String file) {
        assertThat(file).startsWith("error_");
        String rest = file.substring("error_".length()).toUpperCase(java.util.Locale.ROOT);
        String best = null;
        for (FrostException.Kind k : FrostException.Kind.values()) {
            if ((rest.equals(k.name()) || rest.startsWith(k.name() + "_")) && (best == null || k.name().length() > best.length())) {
                best = k.name();
            }
        }
        assertThat(best).as("kind named in " + file).isNotNull();
        return best;
    }
}
