package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryBundleTest {
    @Test
    void roundTripsWithBigEndianLengthPrefixes() throws Exception {
        EntryBundle b = new EntryBundle(List.of(Bytes.fromHex("aabb"), Bytes.EMPTY, Bytes.wrap(new byte[300])));
        byte[] data = b.encode();
        assertThat(Bytes.wrap(data).slice(0, 6)).isEqualTo(Bytes.fromHex("0002aabb0000"));
        assertThat(data[6]).isEqualTo((byte) 0x01);
        assertThat(data[7]).isEqualTo((byte) 0x2c);
        assertThat(EntryBundle.parse(data, 3)).isEqualTo(b);
        assertThat(EntryBundle.parse(data, 3).encode()).isEqualTo(data);
    }

    @Test
    void holdsTheLargestEntryTheFormatAllows() throws Exception {
        EntryBundle b = new EntryBundle(List.of(Bytes.wrap(new byte[EntryBundle.MAX_ENTRY_BYTES])));
        assertThat(EntryBundle.parse(b.encode(), 1).entries().get(0).length()).isEqualTo(65_535);
        assertThatThrownBy(() -> new EntryBundle(List.of(Bytes.wrap(new byte[65_536])))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTruncatedTrailingOrMiscountedBundles() {
        byte[] two = new EntryBundle(List.of(Bytes.fromHex("01"), Bytes.fromHex("0203"))).encode();
        assertThatThrownBy(() -> EntryBundle.parse(two, 1)).isInstanceOf(TileFormatException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> EntryBundle.parse(two, 3)).isInstanceOf(TileFormatException.class).hasMessageContaining("holds 2");
        for (int cut = 1; cut < two.length; cut++) {
            byte[] t = java.util.Arrays.copyOf(two, cut);
            assertThatThrownBy(() -> EntryBundle.parse(t, 2)).as("cut at %d", cut).isInstanceOf(TileFormatException.class);
        }
        assertThatThrownBy(() -> EntryBundle.parse(new byte[0], 1)).isInstanceOf(TileFormatException.class);
        assertThatThrownBy(() -> EntryBundle.parse(two, 0)).isInstanceOf(TileFormatException.class);
        List<Bytes> many = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            many.add(Bytes.EMPTY);
        }
        assertThatThrownBy(() -> new EntryBundle(many)).isInstanceOf(IllegalArgumentException.class);
    }
}
