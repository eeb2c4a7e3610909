package dev.virex.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.auditor.notice.Finding;
import dev.virex.auditor.notice.Notice;
import dev.virex.auditor.notice.NoticeStore;
import dev.virex.testkit.TestKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeStoreTest {
    @TempDir
    Path dir;

    @Test
    void serialsIncreaseAcrossRestartsAndASubjectIsPublishedOnce() throws Exception {
        var key = TestKeys.signer("auditor.store.test");
        Finding a = Finding.of("a", Finding.Severity.WARNING, "first", List.of(1L), List.of());
        Finding b = Finding.of("b", Finding.Severity.VIOLATION, "second", List.of(2L), List.of());
        Instant now = Instant.parse("2026-05-01T10:00:00.750Z");
        try (NoticeStore s = NoticeStore.open(dir.resolve("n.db"))) {
            assertThat(s.publish(a, key.noteSigner(), now)).contains(1L);
            assertThat(s.publish(a, key.noteSigner(), now)).isEmpty();
        }
        try (NoticeStore s = NoticeStore.open(dir.resolve("n.db"))) {
            // After a restart the auditor re-audits from genesis and finds 'a' again: not republished.
            assertThat(s.publish(a, key.noteSigner(), now.plusSeconds(60))).isEmpty();
            assertThat(s.publish(b, key.noteSigner(), now.plusSeconds(60))).contains(2L);
            List<NoticeStore.Stored> all = s.newest(Long.MAX_VALUE, 10);
            assertThat(all).extracting(NoticeStore.Stored::serial).containsExactly(2L, 1L);
            Notice first = Notice.open(all.get(1).note().toArray(), key.verifierKey());
            assertThat(first.time()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
            assertThat(first.subject()).isEqualTo(a);
            assertThat(s.newest(2, 10)).extracting(NoticeStore.Stored::serial).containsExactly(1L);
            assertThat(s.get(2)).isPresent();
            assertThat(s.get(3)).isEmpty();
        }
    }
}
