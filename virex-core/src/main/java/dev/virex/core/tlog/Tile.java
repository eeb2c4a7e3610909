package dev.virex.core.tlog;

import dev.virex.core.Bytes;

/** A tlog-tiles resource with its content: a hash tile or an entry bundle, ready to store. */
public record Tile(TilePath path, Bytes data) {
    public Tile {
        if (data.length() == 0) {
            throw new IllegalArgumentException("empty tiles are never served");
        }
    }
}
