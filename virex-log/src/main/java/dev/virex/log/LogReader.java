package dev.virex.log;

import dev.virex.core.Bytes;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TileReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * The read API of a tiled transparency log, C2SP tlog-tiles: the current checkpoint and the
 * hash tiles and entry bundles. Any tlog-tiles log offers it, not only VIREX's.
 */
public interface LogReader {
    /** The current checkpoint as a signed note, exactly as published (cosignatures included). */
    Bytes checkpoint() throws IOException, LogException;

    /**
     * A hash tile or entry bundle.
     *
     * @throws LogException of kind {@code NOT_FOUND} when the log does not serve it
     */
    Bytes tile(TilePath path) throws IOException, LogException;

    /**
     * This log's tiles as a {@link TileReader} for the core's tile algorithms: a tile the log does
     * not serve becomes a {@link NoSuchFileException}, any other refusal an {@link IOException}.
     */
    default TileReader tileReader() {
        return path -> {
            try {
                return tile(path);
            } catch (LogException e) {
                if (e.kind() == LogException.Kind.NOT_FOUND) {
                    NoSuchFileException n = new NoSuchFileException(path.toString(), null, e.getMessage());
                    n.initCause(e);
                    throw n;
                }
                throw new IOException("reading " + path + ": " + e.getMessage(), e);
            }
        };
    }
}
