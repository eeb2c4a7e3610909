package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Builds tiled trees and checks every stored resource against an in-memory {@link MerkleTree}:
 * level-L tiles hold the tree's level-8L hashes, bundles the entries, partial tiles the prefixes.
 */
class TileBuilderTest {
    static Bytes entry(long i) {
        return Bytes.wrap(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }

    /** A tile store: every resource written, keyed by path; rewrites must not change content. */
    static final class Store implements TileReader {
        final Map<TilePath, Bytes> files = new HashMap<>();

        void write(List<Tile> tiles) {
            for (Tile t : tiles) {
                Bytes old = files.put(t.path(), t.data());
                assertThat(old == null || old.equals(t.data())).as("rewrite of %s with other content", t.path()).isTrue();
            }
        }

        @Override
        public Bytes read(TilePath path) throws NoSuchFileException {
            Bytes b = files.get(path);
            if (b == null) {
                throw new NoSuchFileException(path.toString());
            }
            return b;
        }
    }

    @Test
    void everyTileOfAGrowingTreeMatchesTheTree() throws Exception {
        Store store = new Store();
        TileBuilder b = TileBuilder.empty();
        MerkleTree tree = new MerkleTree();
        long[] checkpoints = {1, 2, 255, 256, 257, 511, 512, 1000, 65_535, 65_536, 65_537, 70_000};
        long i = 0;
        for (long size : checkpoints) {
            for (; i < size; i++) {
                Bytes e = entry(i);
                b.append(e, MerkleHash.leaf(e));
                tree.appendEntry(e.toArray());
            }
            store.write(b.flush());
            assertThat(b.root()).as("root at %d", size).isEqualTo(tree.root());
            checkTiles(store, tree, size);
        }
    }

    private static void checkTiles(Store store, MerkleTree tree, long size) throws Exception {
        for (int level = 0; Tiles.hashesAt(level, size) > 0; level++) {
            for (long t = 0; t < Tiles.count(level, size); t++) {
                TilePath p = Tiles.tile(level, t, size);
                HashTile tile = HashTile.parse(p, store.read(p).toArray());
                for (int j = 0; j < p.width(); j += 37) {
                    assertThat(tile.hash(j)).as("%s[%d]", p, j).isEqualTo(tree.node(8 * level, t * 256 + j));
                }
            }
        }
        for (long t = 0; t < Tiles.count(-1, size); t += 7) {
            TilePath p = Tiles.tile(-1, t, size);
            EntryBundle bundle = EntryBundle.parse(store.read(p).toArray(), p.width());
            assertThat(bundle.entries().get(p.width() - 1)).isEqualTo(entry(t * 256 + p.width() - 1));
        }
        TileNodeReader nodes = new TileNodeReader(store, size);
        assertThat(MerkleProofs.root(nodes, size)).isEqualTo(MerkleProofs.root(tree, size));
        long last = size - 1;
        assertThat(MerkleProofs.inclusion(nodes, last, size)).isEqualTo(MerkleProofs.inclusion(tree, last, size));
        assertThat(MerkleProofs.inclusion(nodes, last / 3, size)).isEqualTo(MerkleProofs.inclusion(tree, last / 3, size));
        if (size > 1) {
            assertThat(MerkleProofs.consistency(nodes, size / 2, size)).isEqualTo(MerkleProofs.consistency(tree, size / 2, size));
        }
    }

    @Test
    void resumingFromStoredTilesContinuesTheSameTree() throws Exception {
        Store store = new Store();
        TileBuilder b = TileBuilder.empty();
        MerkleTree tree = new MerkleTree();
        long size = 0;
        for (long stop : new long[] {3, 256, 300, 600, 65_536 + 300}) {
            b = TileBuilder.resume(store, size);
            assertThat(b.root()).isEqualTo(MerkleProofs.root(tree, size));
            for (; size < stop; size++) {
                Bytes e = entry(size);
                b.append(e, MerkleHash.leaf(e));
                tree.appendEntry(e.toArray());
            }
            store.write(b.flush());
        }
        assertThat(b.root()).isEqualTo(tree.root());
        checkTiles(store, tree, size);
    }

    @Test
    void flushWritesOnlyWhatChanged() {
        TileBuilder b = TileBuilder.empty();
        for (int i = 0; i < 300; i++) {
            b.append(entry(i), MerkleHash.leaf(entry(i)));
        }
        assertThat(b.flush()).extracting(t -> t.path().toString())
                .containsExactly("tile/entries/000", "tile/0/000", "tile/entries/001.p/44", "tile/0/001.p/44", "tile/1/000.p/1");
        assertThat(b.flush()).isEmpty();
        b.append(entry(300), MerkleHash.leaf(entry(300)));
        assertThat(b.flush()).extracting(t -> t.path().toString()).containsExactly("tile/entries/001.p/45", "tile/0/001.p/45");
    }
}
