package dev.virex.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.node.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotBundleTest {
    static final SnapshotBundle B = new SnapshotBundle(7, Bytes.wrap(new byte[] {1, 2, 3}), "virex-directory/v1\nlog-size 7\n",
            Bytes.wrap("c2sp.org/tlog-proof@v1\nindex 7\n\ncp\n".getBytes(StandardCharsets.UTF_8)));

    @Test
    void aBundleRoundTripsAsJson() throws Exception {
        String json = new String(B.encode(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"directory\":").contains("\"entry\":\"AQID\"", "\"index\":7");
        assertThat(SnapshotBundle.parse(B.encode())).isEqualTo(B);
    }

    @Test
    void onlyTheExactShapeIsAccepted() {
        List<String> bad = List.of(
                "", "[]", "null", "{}", "{\"index\":7}",
                "{\"index\":7,\"entry\":\"AQID\",\"directory\":\"d\",\"proof\":\"p\",\"extra\":1}",
                "{\"index\":7,\"entry\":\"AQID\",\"directory\":\"d\",\"extra\":\"p\"}",
                "{\"index\":7.5,\"entry\":\"AQID\",\"directory\":\"d\",\"proof\":\"p\"}",
                "{\"index\":\"7\",\"entry\":\"AQID\",\"directory\":\"d\",\"proof\":\"p\"}",
                "{\"index\":99999999999999999999,\"entry\":\"AQID\",\"directory\":\"d\",\"proof\":\"p\"}",
                "{\"index\":7,\"entry\":\"AQJ=\",\"directory\":\"d\",\"proof\":\"p\"}",
                "{\"index\":7,\"entry\":\"AQID\",\"directory\":1,\"proof\":\"p\"}",
                "{\"index\":7,\"entry\":\"AQID\",\"directory\":\"\",\"proof\":\"p\"}",
                "{\"index\":7,\"entry\":\"AQID\",\"directory\":\"d\",\"proof\":\"p\"} {}");
        for (String s : bad) {
            assertThatThrownBy(() -> SnapshotBundle.parse(s.getBytes(StandardCharsets.UTF_8))).as(s).isInstanceOf(BundleFormatException.class);
        }
        assertThatThrownBy(() -> new SnapshotBundle(-1, B.entry(), B.directory(), B.proof())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFuzzSeedsAreWhatTheirNamesSay() throws Exception {
        Seeds.check(SnapshotBundleFuzzTest.class, "bundle", BundleFormatException.class, SnapshotBundle::parse);
    }
}
