package dev.virex.log.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.virex.core.Bytes;
import dev.virex.core.tlog.Tile;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TileReader;
import dev.virex.core.tlog.Tiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public part of a log's data directory, laid out exactly as C2SP tlog-tiles so that any
 * static web server can serve it: {@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]} and
 * {@code tile/entries/<N>[.p/<W>]}. Every file is written once, crash-safely, and never changes
 * (the checkpoint excepted); reads go through a bounded cache.
 */
final class TileStore implements TileReader {
    static final String CHECKPOINT = "checkpoint";

    private final Path root;
    private final Cache<TilePath, Bytes> cache;

    TileStore(Path root, long cacheBytes) {
        this.root = root;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((TilePath p, Bytes b) -> b.length() + 64)
                .build();
    }

    Path root() {
        return root;
    }

    Path file(TilePath p) {
        return root.resolve(p.toString());
    }

    /**
     * Reads a tile or bundle. A partial one that was deleted after its full tile appeared is cut
     * out of the full tile: it is that tile's prefix.
     */
    @Override
    public Bytes read(TilePath p) throws IOException {
        Bytes cached = cache.getIfPresent(p);
        if (cached != null) {
            return cached;
        }
        Bytes b;
        try {
            b = Bytes.wrap(Files.readAllBytes(file(p)));
        } catch (NoSuchFileException e) {
            if (!p.isPartial()) {
                throw e;
            }
            b = Tiles.prefix(p, Bytes.wrap(Files.readAllBytes(file(p.full()))));
        }
        cache.put(p, b);
        return b;
    }

    /** Reads without caching, for whole-log scans. */
    Bytes readUncached(TilePath p) throws IOException {
        Bytes cached = cache.getIfPresent(p);
        return cached != null ? cached : Bytes.wrap(Files.readAllBytes(file(p)));
    }

    /** Writes tiles crash-safely; durable (directories synced) when this returns. */
    void write(List<Tile> tiles) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Tile t : tiles) {
            files.put(file(t.path()), t.data().toArray());
        }
        DurableFiles.writeAll(files);
        for (Tile t : tiles) {
            cache.put(t.path(), t.data());
        }
    }

    /** Deletes the partial versions of a full tile ({@code <path>.p/}); the full tile replaces them. */
    void deletePartials(TilePath full) throws IOException {
        Path dir = root.resolve(full + ".p");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
        for (int w = 1; w < TilePath.FULL_WIDTH; w++) {
            cache.invalidate(new TilePath(full.level(), full.index(), w));
        }
    }

    Optional<byte[]> readCheckpoint() throws IOException {
        Path f = root.resolve(CHECKPOINT);
        return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
    }

    void writeCheckpoint(byte[] note) throws IOException {
        DurableFiles.writeNow(root.resolve(CHECKPOINT), note);
    }

    /** Whether any tile or bundle exists (a log without a checkpoint must not have any). */
    boolean hasTiles() throws IOException {
        Path t = root.resolve("tile");
        if (!Files.isDirectory(t)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(t)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }

    /** Removes temporary files left by writes that a crash interrupted; returns how many. */
    int removeTemps() throws IOException {
        List<Path> temps = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().endsWith(DurableFiles.TEMP_SUFFIX))
                    .sorted(Comparator.reverseOrder())
                    .forEach(temps::add);
        }
        for (Path p : temps) {
            Files.deleteIfExists(p);
        }
        return temps.size();
    }
}
