package dev.virex.auditor.notice;

import dev.virex.auditor.AuditSink;
import dev.virex.core.note.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a signed notice for every verified checkpoint and every finding. */
public final class NoticePublisher implements AuditSink {
    private static final Logger log = LoggerFactory.getLogger(NoticePublisher.class);

    private final NoticeStore store;
    private final NoteSigner key;
    private final Clock clock;

    public NoticePublisher(NoticeStore store, NoteSigner key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public void checkpoint(CheckpointSeen seen) {
        publish(seen).ifPresent(n -> log.info("notice {}: checkpoint {} size {} verified", n, seen.origin(), seen.size()));
    }

    @Override
    public void finding(Finding f) {
        publish(f).ifPresent(n -> {
            if (f.isViolation()) {
                log.warn("notice {}: {} {}: {}", n, f.severity().wire(), f.code(), f.subject());
            } else {
                log.info("notice {}: {} {}: {}", n, f.severity().wire(), f.code(), f.subject());
            }
        });
    }

    private java.util.Optional<Long> publish(Subject s) {
        try {
            return store.publish(s, key, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
