package dev.virex.node.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.node.Seeds;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowerStateTest {
    @TempDir
    Path dir;

    static byte[] valid() throws Exception {
        try (var in = FollowerStateTest.class.getResourceAsStream("FollowerStateFuzzTestInputs/state/valid_two_entries")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aStateFileRoundTripsAndAnyDamageIsRefused() throws Exception {
        byte[] data = valid();
        FollowerState s = FollowerState.parse(data, FollowerStateFuzzTest.LOG);
        assertThat(s.directory().logSize()).isEqualTo(2);
        assertThat(s.encode()).isEqualTo(data);

        String text = new String(data, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FollowerState.parse(Arrays.copyOf(data, data.length - 1), FollowerStateFuzzTest.LOG))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("truncated or corrupted");
        assertThatThrownBy(() -> FollowerState.parse(text.replace("mixnode", "mailbox").getBytes(StandardCharsets.UTF_8),
                FollowerStateFuzzTest.LOG)).hasMessageContaining("digest mismatch");
        assertThatThrownBy(() -> FollowerState.parse(data, TestKeys.signer("other.state.test").verifierKey().noteVerifier()))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> FollowerState.parse(text.replace("virex-node-state/v1", "virex-node-state/v2").getBytes(StandardCharsets.UTF_8),
                FollowerStateFuzzTest.LOG)).hasMessageContaining("must start with");
        assertThatThrownBy(() -> FollowerState.parse(new byte[] {(byte) 0xff}, FollowerStateFuzzTest.LOG)).hasMessageContaining("UTF-8");
    }

    @Test
    void theStoreReplacesTheFileAndSetsADamagedOneAside() throws Exception {
        MutableClock clock = MutableClock.atEpoch();
        StateStore store = new StateStore(dir, clock);
        assertThat(store.load(FollowerStateFuzzTest.LOG)).isEmpty();
        FollowerState s = FollowerState.parse(valid(), FollowerStateFuzzTest.LOG);
        store.save(s);
        assertThat(store.load(FollowerStateFuzzTest.LOG)).contains(s);
        assertThat(dir.resolve(StateStore.TEMP)).doesNotExist();

        Files.writeString(dir.resolve(StateStore.TEMP), "half a write");
        Files.write(dir.resolve(StateStore.FILE), Arrays.copyOf(valid(), 100));
        StateStore reopened = new StateStore(dir, clock);
        assertThat(dir.resolve(StateStore.TEMP)).as("an interrupted write is discarded").doesNotExist();
        assertThat(reopened.load(FollowerStateFuzzTest.LOG)).isEmpty();
        assertThat(dir.resolve(StateStore.FILE + ".corrupt-" + clock.instant().getEpochSecond())).exists();
        assertThat(dir.resolve(StateStore.FILE)).doesNotExist();

        Path ev = store.saveEvidence("split-view-1.txt", "a\nb\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(ev)).isEqualTo("a\nb\n");
    }

    @Test
    void theFuzzSeedsAreWhatTheirNamesSay() throws Exception {
        Seeds.check(FollowerStateFuzzTest.class, "state", StateFormatException.class, d -> FollowerState.parse(d, FollowerStateFuzzTest.LOG));
    }
}
