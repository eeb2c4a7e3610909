package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.merkle.ProofException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeAuditTest {
    static final long SIZE = 66_000;

    static TileBuilderTest.Store build(long size) {
        TileBuilderTest.Store store = new TileBuilderTest.Store();
        TileBuilder b = TileBuilder.empty();
        for (long i = 0; i < size; i++) {
            Bytes e = TileBuilderTest.entry(i);
            b.append(e, MerkleHash.leaf(e));
            if (i % 1000 == 999) {
                store.write(b.flush());
            }
        }
        store.write(b.flush());
        return store;
    }

    @Test
    void acceptsAnIntactLogAndReportsEveryLeaf() throws Exception {
        TileBuilderTest.Store store = build(SIZE);
        Bytes root = MerkleProofs.root(new TileNodeReader(store, SIZE), SIZE);
        List<Long> seen = new ArrayList<>();
        long[] progress = {0};
        TreeAudit.Report r = new TreeAudit(store)
                .expectRoot(1000, MerkleProofs.root(new TileNodeReader(store, SIZE), 1000))
                .onLeaf((i, h) -> {
                    if (i % 10_000 == 0) {
                        seen.add(i);
                    }
                })
                .onProgress((n, t) -> progress[0] = n)
                .verify(SIZE, root);
        assertThat(r.entries()).isEqualTo(SIZE);
        assertThat(r.bundles()).isEqualTo(258);
        assertThat(r.hashTiles()).isEqualTo(258 + 2 + 1);
        assertThat(seen).containsExactly(0L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L);
        assertThat(progress[0]).isEqualTo(SIZE);
    }

    @Test
    void findsATamperedTileBundleOrRoot() throws Exception {
        TileBuilderTest.Store store = build(3000);
        Bytes root = MerkleProofs.root(new TileNodeReader(store, 3000), 3000);
        new TreeAudit(store).verify(3000, root);

        assertMismatch(store, root, TilePath.hashes(1, 0, 11), "tile/1/000.p/11", ProofException.Reason.ROOT_MISMATCH);
        assertMismatch(store, root, TilePath.entries(4, 256), "tile/entries/004", ProofException.Reason.ROOT_MISMATCH);
        assertMismatch(store, root, TilePath.hashes(0, 11, 184), "tile/0/011.p/184", ProofException.Reason.ROOT_MISMATCH);
        Bytes other = MerkleHash.leaf(new byte[] {1});
        assertThatThrownBy(() -> new TreeAudit(store).verify(3000, other))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.reason()).isEqualTo(ProofException.Reason.ROOT_MISMATCH));
        assertThatThrownBy(() -> new TreeAudit(store).expectRoot(100, other).verify(3000, root))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.reason()).isEqualTo(ProofException.Reason.FIRST_ROOT_MISMATCH));
        store.files.put(TilePath.hashes(0, 2, 256), Bytes.wrap(new byte[100]));
        assertThatThrownBy(() -> new TreeAudit(store).verify(3000, root)).isInstanceOf(TileFormatException.class);
    }

    private static void assertMismatch(TileBuilderTest.Store store, Bytes root, TilePath path, String name, ProofException.Reason reason) {
        Bytes good = store.files.get(path);
        byte[] bad = good.toArray();
        bad[bad.length - 1] ^= 1;
        store.files.put(path, Bytes.wrap(bad));
        assertThatThrownBy(() -> new TreeAudit(store).verify(3000, root))
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(name);
        store.files.put(path, good);
    }
}
