package dev.virex.log.client;

import dev.virex.core.Bytes;
import dev.virex.core.tlog.TilePath;
import dev.virex.core.tlog.TileReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small LRU cache in front of a remote log's tiles: proofs for neighbouring sizes read the same
 * right-edge tiles again and again. Tiles are immutable, so a cached tile is never stale.
 */
final class TileCache implements TileReader {
    private final TileReader source;
    private final Map<TilePath, Bytes> cache;

    TileCache(TileReader source, int capacity) {
        this.source = source;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<TilePath, Bytes> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Bytes read(TilePath path) throws IOException {
        Bytes b = cache.get(path);
        if (b == null) {
            b = source.read(path);
            if (!path.isEntries()) {
                cache.put(path, b);
            }
        }
        return b;
    }
}
