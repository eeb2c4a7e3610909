package dev.virex.log.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.tlog.TreeAudit;
import dev.virex.log.LogFixture;
import dev.virex.log.server.TiledLog;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCheckTest {
    @TempDir
    Path a;

    @TempDir
    Path b;

    private static final TreeAudit.Progress QUIET = (n, t) -> {};

    @Test
    void verifiesEverythingAndTheEarlierCheckpoint() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(a))) {
            LogFollowerTest.fill(log, "d", 300);
            byte[] earlier = log.checkpoint().toArray();
            LogFollowerTest.fill(log, "e", 30);
            LogCheck.Result r = LogCheck.run(log, LogFollowerTest.ORIGIN, LogFollowerTest.KEY, Optional.of(earlier), QUIET);
            assertThat(r.report().entries()).isEqualTo(330);
            assertThat(r.report().bundles()).isEqualTo(2);
            assertThat(r.since().orElseThrow().checkpoint().size()).isEqualTo(300);
        }
    }

    @Test
    void namesASplitViewARollbackAndBadData() throws Exception {
        try (TiledLog log = TiledLog.open(LogFixture.config(a)); TiledLog fork = TiledLog.open(LogFixture.config(b))) {
            LogFollowerTest.fill(log, "shared", 3);
            LogFollowerTest.fill(fork, "shared", 3);
            LogFollowerTest.fill(fork, "forked", 2);
            byte[] forked = fork.checkpoint().toArray();
            LogFollowerTest.fill(log, "honest", 10);
            assertThatThrownBy(() -> LogCheck.run(log, LogFollowerTest.ORIGIN, LogFollowerTest.KEY, Optional.of(forked), QUIET))
                    .isInstanceOf(SplitViewException.class).hasMessageContaining("does not contain");
            LogFollowerTest.fill(fork, "forked more", 20);
            assertThatThrownBy(() -> LogCheck.run(log, LogFollowerTest.ORIGIN, LogFollowerTest.KEY,
                    Optional.of(fork.checkpoint().toArray()), QUIET))
                    .isInstanceOf(LogVerificationException.class).hasMessageContaining("older than the earlier");
            Readers.Tampering bad = new Readers.Tampering(log);
            bad.bundles = Readers::flipLastByte;
            assertThatThrownBy(() -> LogCheck.run(bad, LogFollowerTest.ORIGIN, LogFollowerTest.KEY, Optional.empty(), QUIET))
                    .isInstanceOf(LogVerificationException.class).hasMessageContaining("does not match its leaf hash");
            assertThatThrownBy(() -> LogCheck.run(log, "other.origin", LogFollowerTest.KEY, Optional.empty(), QUIET))
                    .isInstanceOf(LogVerificationException.class).hasMessageContaining("origin");
        }
    }
}
