package dev.virex.log;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.log.server.LogConfig;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Keys, configuration and entries shared by the log tests. */
public final class LogFixture {
    public static final SignerKey LOG = TestKeys.signer("log.virex.test");
    public static final SignerKey FEDERATION = TestKeys.signer("federation.virex.test");
    public static final SignerKey STRANGER = TestKeys.signer("stranger.virex.test");

    private LogFixture() {}

    /** A test configuration: no batch delay, a short receipt wait. */
    public static LogConfig config(Path dir) {
        return LogConfig.defaults(dir, LOG.noteSigner(), LOG.verifierKey().noteVerifier(),
                        Verifiers.of(FEDERATION.verifierKey().noteVerifier()))
                .withBatching(256, Duration.ZERO)
                .withCheckpointInterval(Duration.ZERO)
                .withIntegrationWait(Duration.ofSeconds(20));
    }

    /** A federation decision: a note signed by the federation key. */
    public static Bytes decision(String text) {
        return Bytes.wrap(Note.sign(text + "\n", FEDERATION.noteSigner()).encode());
    }

    public static Bytes signedBy(SignerKey key, String text) {
        return Bytes.wrap(Note.sign(text + "\n", key.noteSigner()).encode());
    }

    public static String text(Bytes entry) {
        return new String(entry.toArray(), StandardCharsets.UTF_8);
    }
}
