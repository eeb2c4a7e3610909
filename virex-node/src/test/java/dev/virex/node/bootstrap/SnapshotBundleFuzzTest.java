package dev.virex.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the snapshot bundle parser ({@code GET /directory}): a bundle that encodes
 * and parses back to itself, or a {@link BundleFormatException}.
 */
class SnapshotBundleFuzzTest {
    @FuzzTest
    void bundle(byte[] data) {
        try {
            SnapshotBundle b = SnapshotBundle.parse(data);
            assertThat(SnapshotBundle.parse(b.encode())).isEqualTo(b);
        } catch (BundleFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
