package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import java.io.IOException;

/**
 * Reads one tlog-tiles resource (hash tile or entry bundle) from wherever it is kept: a log's
 * disk, a cache, or a remote log over HTTP.
 */
@FunctionalInterface
public interface TileReader {
    /**
     * @throws java.nio.file.NoSuchFileException or another {@link IOException} when the resource
     *     cannot be read
     */
    Bytes read(TilePath path) throws IOException;
}
