package dev.virex.auditor;

import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.enforce.HttpMixnodeReader;
import dev.virex.auditor.gossip.GossipPeer;
import dev.virex.auditor.gossip.HttpGossipPeer;
import dev.virex.auditor.http.AuditorServer;
import dev.virex.auditor.notice.NoticePublisher;
import dev.virex.auditor.notice.NoticeStore;
import dev.virex.core.note.SignerKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.witness.WitnessApi;
import dev.virex.http.HttpService;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.witness.HttpWitnessClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code virex auditor serve}: an {@link Auditor} on a schedule (the log every poll interval, gossip
 * with it, the mixnodes every enforcement interval, all on one thread), its notices in SQLite
 * under the data directory, and its HTTP API. At start it re-audits the log from genesis; notices
 * already published are not published again.
 */
public final class AuditorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditorService.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Auditor auditor;
    private final AuditState state;
    private final NoticeStore notices;
    private final AuditorServer server;
    private final ScheduledExecutorService loop;
    private final Map<String, GossipPeer> peers = new LinkedHashMap<>();
    private final Map<String, WitnessApi> witnesses = new LinkedHashMap<>();
    private final HttpClient client;
    private final String nodeControl;
    private final Clock clock;

    private AuditorService(AuditorConfig config, SignerKey key, Optional<TlogPolicy> policy, HttpService.Options http, Clock clock)
            throws IOException {
        this.clock = clock;
        this.client = config.transport().tls().newClient();
        this.nodeControl = config.transport().nodeControl();
        Path data = config.data().orElseThrow(() -> new IllegalArgumentException("the configuration has no 'data' directory"));
        Files.createDirectories(data);
        this.notices = NoticeStore.open(data.resolve("notices.db"));
        this.state = new AuditState(clock);
        AuditSink sink = AuditSink.all(state, new NoticePublisher(notices, key.noteSigner(), clock));
        var logKey = config.logKey().orElseThrow(() -> new IllegalArgumentException("the configuration has no 'log' line"));
        Auditor.Setup setup = new Auditor.Setup(new HttpLogClient(config.logUrl().orElseThrow(), client, TIMEOUT), logKey.name(),
                logKey.noteVerifier(), config.federation().orElseThrow(() -> new IllegalArgumentException("the configuration has no 'federation' line")),
                policy, config.limits(), config.rules());
        this.auditor = new Auditor(setup, sink);
        for (URI p : config.peers()) {
            peers.put(p.toString(), new HttpGossipPeer(p, client, TIMEOUT));
        }
        policy.ifPresent(pol -> pol.witnesses().values().forEach(w -> w.url().ifPresent(u ->
                witnesses.put(w.name(), new HttpWitnessClient(URI.create(u), client, TIMEOUT)))));
        this.server = AuditorServer.start(notices, key.verifierKey(), state, auditor, http);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("virex-auditor").daemon().unstarted(r));
        loop.scheduleWithFixedDelay(this::round, 0, config.poll().toMillis(), TimeUnit.MILLISECONDS);
        config.enforcement().ifPresent(e -> loop.scheduleWithFixedDelay(this::enforcement, e.toMillis(), e.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Starts the service; its clients verify the services they call as {@code config}'s transport
     * says, and it listens as {@code http} says (the caller applies the configuration's certificate).
     */
    public static AuditorService start(AuditorConfig config, SignerKey key, Optional<TlogPolicy> policy, HttpService.Options http,
                                       Clock clock) throws IOException {
        return new AuditorService(config, key, policy, http, clock);
    }

    private void round() {
        try {
            long n = auditor.poll((done, total) -> { });
            if (n > 0) {
                log.info("verified {} new entries; {} in all", n, auditor.entriesVerified());
            }
            auditor.trouble().ifPresent(t -> log.warn("{} (retrying in the next round)", t));
            auditor.halted().ifPresent(state::halted);
            auditor.gossip(peers, witnesses);
        } catch (RuntimeException e) {
            log.error("audit round failed", e);
        }
    }

    private void enforcement() {
        try {
            auditor.checkEnforcement(n -> new HttpMixnodeReader(nodeControl, n.info().control(), client, TIMEOUT), clock.instant());
        } catch (RuntimeException e) {
            log.error("enforcement round failed", e);
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The transparency dashboard's page on this auditor's HTTP service. */
    public URI dashboardUri() {
        return server.baseUri().resolve(dev.virex.auditor.dashboard.DashboardPage.PATH);
    }

    public AuditState state() {
        return state;
    }

    public Auditor auditor() {
        return auditor;
    }

    @Override
    public void close() throws IOException {
        loop.shutdownNow();
        try {
            loop.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        notices.close();
    }
}
