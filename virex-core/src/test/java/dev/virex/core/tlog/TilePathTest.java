package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathTest {
    @Test
    void encodesIndexesInThreeDigitGroupsAsTheSpecShows() {
        // C2SP tlog-tiles: "index 1234067 will be encoded as x001/x234/067"
        assertThat(TilePath.hashes(0, 1234067, 256)).hasToString("tile/0/x001/x234/067");
        assertThat(TilePath.hashes(1, 0, 17)).hasToString("tile/1/000.p/17");
        assertThat(TilePath.entries(1000, 256)).hasToString("tile/entries/x001/000");
        assertThat(TilePath.entries(999, 1)).hasToString("tile/entries/999.p/1");
        assertThat(TilePath.hashes(63, 0, 1)).hasToString("tile/63/000.p/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tile/0/000", "tile/0/x001/x234/067", "tile/entries/x123/456.p/255", "tile/5/001.p/1",
        "tile/63/000.p/1", "tile/0/x036/x028/x797/x018/x963/967.p/255"})
    void parsesCanonicalPathsAndPrintsThemBack(String p) throws Exception {
        assertThat(TilePath.parse(p)).hasToString(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tile/", "tile/0", "tile/0/", "tile/00/000", "tile/64/000", "tile/-1/000",
        "tile/0/00", "tile/0/0000", "tile/0/x000/001", "tile/0/001/002", "tile/0/x1/002", "tile/0/000.p/0",
        "tile/0/000.p/256", "tile/0/000.p/01", "tile/0/000.p/", "tile/0/000.p/5/6", "tiles/0/000",
        "/tile/0/000", "tile/0/000/", "tile/Entries/000", "tile/entries/000.p/1.p/1", "tile/0/x036/x028/x797/x018/x963/968", "tile/1/x140/x737/x488/x355/328",
        "tile/7/001", "tile/0/x999/x999/x999/x999/x999/x999/x999/999", "tile/0/abc", "tile/0/+12", "tile/0/ 12"})
    void refusesNonCanonicalOrImpossiblePaths(String p) {
        assertThatThrownBy(() -> TilePath.parse(p)).isInstanceOf(TileFormatException.class);
    }

    @Test
    void tilesOfTheSpecExampleSizes() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
        // tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
        // partial level 2 tile of width 1"
        long size = 70_000;
        assertThat(Tiles.count(0, size)).isEqualTo(274);
        assertThat(Tiles.width(0, 272, size)).isEqualTo(256);
        assertThat(Tiles.tile(0, 273, size)).hasToString("tile/0/273.p/112");
        assertThat(Tiles.tile(1, 0, size)).hasToString("tile/1/000");
        assertThat(Tiles.tile(1, 1, size)).hasToString("tile/1/001.p/17");
        assertThat(Tiles.tile(2, 0, size)).hasToString("tile/2/000.p/1");
        assertThat(Tiles.count(3, size)).isZero();
        assertThat(Tiles.tile(-1, 273, size)).hasToString("tile/entries/273.p/112");
        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
        assertThat(Tiles.tile(0, 0, 256)).hasToString("tile/0/000");
        assertThat(Tiles.tile(1, 0, 256)).hasToString("tile/1/000.p/1");
        assertThat(Tiles.width(0, 1, 256)).isZero();
    }

    @Test
    void coverageFollowsTheTreeSize() throws Exception {
        assertThat(Tiles.covers(300, TilePath.parse("tile/0/000"))).isTrue();
        assertThat(Tiles.covers(300, TilePath.parse("tile/0/001.p/44"))).isTrue();
        assertThat(Tiles.covers(300, TilePath.parse("tile/0/001.p/3"))).isTrue();
        assertThat(Tiles.covers(300, TilePath.parse("tile/0/001.p/45"))).isFalse();
        assertThat(Tiles.covers(300, TilePath.parse("tile/0/001"))).isFalse();
        assertThat(Tiles.covers(300, TilePath.parse("tile/1/000.p/1"))).isTrue();
        assertThat(Tiles.covers(300, TilePath.parse("tile/1/000.p/2"))).isFalse();
        assertThat(Tiles.covers(0, TilePath.parse("tile/entries/000.p/1"))).isFalse();
    }
}
