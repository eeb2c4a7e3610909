package dev.virex.core.tlog;

import java.io.IOException;

/**
 * The one checked exception of the C2SP tlog-tiles and tlog-proof formats: a malformed tile
 * path, hash tile, entry bundle or proof. It is an {@link IOException} because tiles arrive from
 * storage or the network: data that does not have the shape the format requires is a read failure.
 */
public final class TileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TileFormatException(String message) {
        super(message);
    }
}
