package dev.virex.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz tests of the tlog-tiles and tlog-proof parsers (regression mode in the suite over
 * the seeds under TilesFuzzTestInputs). The property: any input either parses canonically
 * (parse then encode gives the input back) or fails with {@link TileFormatException}.
 */
class TilesFuzzTest {
    @FuzzTest
    void tilePath(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            TilePath p = TilePath.parse(s);
            assertThat(p.toString()).isEqualTo(s);
        } catch (TileFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void entryBundle(byte[] data) {
        int width = data.length == 0 ? 1 : (data[0] & 0xff) + 1;
        byte[] body = data.length == 0 ? data : java.util.Arrays.copyOfRange(data, 1, data.length);
        try {
            EntryBundle b = EntryBundle.parse(body, width);
            assertThat(b.width()).isEqualTo(width);
            assertThat(b.encode()).isEqualTo(body);
        } catch (TileFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void hashTile(byte[] data) {
        int width = data.length == 0 ? 1 : (data[0] & 0xff) + 1;
        byte[] body = data.length == 0 ? data : java.util.Arrays.copyOfRange(data, 1, data.length);
        try {
            HashTile t = HashTile.parse(TilePath.hashes(0, 0, width), body);
            assertThat(t.data()).isEqualTo(Bytes.of(body));
            assertThat(t.hash(width - 1).length()).isEqualTo(MerkleHash.BYTES);
        } catch (TileFormatException expected) {
            assertThat(body.length).isNotEqualTo(width * MerkleHash.BYTES);
        }
    }

    @FuzzTest
    void tlogProof(byte[] data) {
        try {
            TlogProof p = TlogProof.parse(data);
            assertThat(p.encode()).isEqualTo(data);
        } catch (TileFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
