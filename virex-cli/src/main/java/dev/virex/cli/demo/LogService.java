package dev.virex.cli.demo;

import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpService;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.log.witness.WitnessCollector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's transparency log, started as {@code virex log serve --witness-policy} starts one: a
 * tiled log on disk that admits only entries signed by the federation's group key and publishes a
 * checkpoint only once the policy's witness quorum has cosigned it, served over HTTP.
 */
final class LogService implements AutoCloseable {
    static final Duration WITNESS_TIMEOUT = Duration.ofSeconds(10);
    static final Duration WITNESS_GRACE = Duration.ofMillis(500);

    private final TiledLog log;
    private final LogServer server;
    private final VerifierKey key;

    private LogService(TiledLog log, LogServer server, VerifierKey key) {
        this.log = log;
        this.server = server;
        this.key = key;
    }

    static LogService start(Path data, SignerKey key, int port, VerifierKey federation, TlogPolicy witnesses) throws IOException {
        LogConfig config = LogConfig.defaults(data, key.noteSigner(), key.verifierKey().noteVerifier(), Verifiers.of(federation.noteVerifier()))
                .withCosign(WitnessCollector.overHttp(witnesses, WITNESS_TIMEOUT, WITNESS_GRACE));
        TiledLog log = TiledLog.open(config);
        try {
            return new LogService(log, LogServer.start(log, HttpService.Options.loopback("log").withPort(port)), key.verifierKey());
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    URI url() {
        return server.baseUri();
    }

    VerifierKey key() {
        return key;
    }

    long size() {
        return log.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        log.close();
    }
}
