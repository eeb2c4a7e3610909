package dev.virex.auditor;

import dev.virex.auditor.config.Limits;
import dev.virex.auditor.config.Rules;
import dev.virex.auditor.notice.Notice;
import dev.virex.auditor.notice.NoticePublisher;
import dev.virex.auditor.notice.NoticeStore;
import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A log of FROST-signed decisions and an auditor of it, publishing notices in memory. */
final class AuditFixture implements AutoCloseable {
    static final SignerKey LOG = TestKeys.signer("log.audit.test");
    static final TestFederation FEDERATION = new TestFederation(3, 5, "audit");
    /** A key the log also admits, so tests can log entries the federation did not sign. */
    static final SignerKey STRANGER = TestKeys.signer("stranger.audit.test");

    final MutableClock clock = new MutableClock(TestFederation.T0.plusSeconds(3600));
    final TiledLog log;
    final SignerKey auditorKey;
    final Recorder recorder = new Recorder();
    final AuditState state = new AuditState(clock);
    final NoticeStore notices;
    final Auditor auditor;

    AuditFixture(Path dir, String auditorName, Optional<TlogPolicy> policy, Limits limits, Rules rules) throws IOException {
        this.log = TiledLog.open(logConfig(dir));
        this.auditorKey = TestKeys.signer(auditorName);
        this.notices = NoticeStore.open(null);
        AuditSink sink = AuditSink.all(recorder, state, new NoticePublisher(notices, auditorKey.noteSigner(), clock));
        this.auditor = new Auditor(new Auditor.Setup(log, LOG.name(), LOG.verifierKey().noteVerifier(), FEDERATION.group.vkey(), policy,
                limits, rules), sink);
    }

    AuditFixture(Path dir, String auditorName) throws IOException {
        this(dir, auditorName, Optional.empty(), Limits.defaults(), Rules.defaults());
    }

    static LogConfig logConfig(Path dir) {
        return LogConfig.defaults(dir, LOG.noteSigner(), LOG.verifierKey().noteVerifier(),
                        Verifiers.of(FEDERATION.group.vkey().noteVerifier(), STRANGER.verifierKey().noteVerifier()))
                .withBatching(256, Duration.ZERO).withCheckpointInterval(Duration.ZERO).withIntegrationWait(Duration.ofSeconds(20));
    }

    /** Appends entries and waits until they are published. */
    AuditFixture add(Bytes... entries) throws Exception {
        for (Bytes e : entries) {
            log.add(e);
        }
        return this;
    }

    AuditFixture genesis() throws Exception {
        return add(FEDERATION.entry(FEDERATION.genesis(), 1, 2, 3));
    }

    long poll() {
        return auditor.poll((done, total) -> { });
    }

    /** Every notice published, opened under the auditor's key (so each is a valid signed note). */
    List<Notice> signedNotices() throws Exception {
        List<Notice> out = new ArrayList<>();
        for (NoticeStore.Stored s : notices.newest(Long.MAX_VALUE, 200)) {
            out.add(Notice.open(s.note().toArray(), auditorKey.verifierKey()));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        log.close();
        notices.close();
    }
}
