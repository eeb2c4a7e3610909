package dev.virex.auditor;

import dev.virex.auditor.config.AuditorConfig;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpService;
import dev.virex.log.AddResult;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.log.witness.WitnessCollector;
import dev.virex.node.MixnodeOptions;
import dev.virex.node.agent.AgentOptions;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.agent.NodeConfig;
import dev.virex.testkit.TestKeys;
import dev.virex.witness.CheckpointWitness;
import dev.virex.witness.WitnessServer;
import dev.virex.witness.WitnessStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small live VIREX network on loopback, on the real clock, for the dashboard's page test: a log
 * that publishes a checkpoint only with a quorum of 2 of its 3 witnesses (each a real witness
 * server over HTTP), decisions signed by a 3-of-5 FROST federation, node agents following the log
 * (mixnodes publish a signed enforcement report every second), and an auditor service
 * ({@code virex auditor serve}'s) following it all and serving the dashboard.
 */
final class LiveNetwork implements AutoCloseable {
    static final TestFederation F = AuditFixture.FEDERATION;
    static final SignerKey LOG = TestKeys.signer("log.dashboard.test");

    final Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    final List<NodeAgent> agents = new ArrayList<>();
    final String policy;
    final TiledLog log;
    final LogServer logServer;
    private Instant next;

    LiveNetwork(Path dir) throws Exception {
        this.dir = dir;
        StringBuilder p = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            SignerKey w = TestKeys.signer("witness" + i + ".dashboard.test");
            WitnessStore store = WitnessStore.open(dir.resolve("witness" + i + ".db"));
            open.add(store);
            WitnessServer server = WitnessServer.start(new CheckpointWitness(List.of(LOG.verifierKey()), w, store, Clock.systemUTC()),
                    List.of(LOG.name()), HttpService.Options.loopback("witness" + i));
            open.add(server);
            p.append("witness w").append(i).append(' ').append(Cosignature.cosignerKey(w.verifierKey()).encode()).append(' ')
                    .append(server.baseUri()).append("/\n");
        }
        p.append("group any2 2 w1 w2 w3\nquorum any2\n");
        String witnesses = p.toString();
        WitnessCollector collector = WitnessCollector.overHttp(TlogPolicy.parse("log " + LOG.verifierKey().encode() + "\n" + witnesses),
                Duration.ofSeconds(10), Duration.ofMillis(200));
        this.log = TiledLog.open(LogConfig.defaults(dir.resolve("log"), LOG.noteSigner(), LOG.verifierKey().noteVerifier(),
                        Verifiers.of(F.group.vkey().noteVerifier()))
                .withBatching(256, Duration.ZERO).withCheckpointInterval(Duration.ZERO)
                .withIntegrationWait(Duration.ofSeconds(20)).withCosign(collector));
        open.add(log);
        this.logServer = LogServer.start(log, HttpService.Options.loopback("log"));
        open.add(logServer);
        this.policy = "log " + LOG.verifierKey().encode() + " " + logServer.baseUri() + "/\n" + witnesses;
        this.next = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The time of the next decision: decisions are a second apart, ending before now. */
    Instant time() {
        next = next.plusSeconds(1);
        return next;
    }

    /** Appends {@code d} signed by the members numbered {@code signers}; returns its index once witnessed and published. */
    long decide(Decision d, int... signers) throws Exception {
        AddResult r = log.add(F.entry(d, signers));
        if (r.receipt().isEmpty()) {
            throw new IllegalStateException("entry " + r.index() + " not published in time");
        }
        return r.index();
    }

    EpochBeacon epoch(long n) {
        Instant t = time();
        return new EpochBeacon(TestFederation.header(DecisionKind.EPOCH, t), n, t, Duration.ofMinutes(10));
    }

    /** Starts a node agent that follows the log (a mixnode reports every second); the federation admits it later. */
    NodeAgent node(String name, NodeRole role) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        Files.writeString(home.resolve("node.key"), TestKeys.signer(name).encode(SecretAccess.grant()) + "\n");
        Files.writeString(home.resolve("policy.txt"), policy);
        String text = NodeConfig.VERSION + "\nkey node.key\nrole " + role.wire() + "\nfederation " + F.group.vkey().encode()
                + "\npolicy policy.txt\nstate state\ncontrol 127.0.0.1:0\npoll-interval 200ms\n"
                + (role == NodeRole.MIXNODE ? "listen 127.0.0.1:0\n" : "");
        AgentOptions options = AgentOptions.defaults().withMixnode(MixnodeOptions.loopback().withQueue(1024, 1)
                .withScheduling(Duration.ofMinutes(1), Duration.ofSeconds(1), true));
        NodeAgent a = NodeAgent.start(NodeConfig.parse(text, home), options);
        agents.add(a);
        open.add(a);
        return a;
    }

    /** What the federation approves for a running agent: its real addresses, in {@code region}. */
    static NodeInfo info(NodeAgent a, NodeRole role, String region, String operator) throws Exception {
        String control = "127.0.0.1:" + a.controlUri().getPort();
        String service = a.packetAddress().map(s -> "127.0.0.1:" + s.getPort()).orElse(control);
        return new NodeInfo(TestKeys.signer(a.id()).verifierKey(), role, NodeAddress.parse(service), NodeAddress.parse(control), region,
                200, TestKeys.signer(operator).verifierKey(), "0.1.0");
    }

    /** The auditor service as {@code virex auditor serve} runs it: following the log every second, checking mixnodes every second. */
    AuditorService auditor(String name) throws Exception {
        Path home = dir.resolve("auditor");
        Files.createDirectories(home);
        Files.writeString(home.resolve("notice.key"), TestKeys.signer(name).encode(SecretAccess.grant()) + "\n");
        Files.writeString(home.resolve("witnesses.txt"), policy);
        String config = "log " + logServer.baseUri() + "/ " + LOG.verifierKey().encode() + "\nfederation " + F.group.vkey().encode()
                + "\nnotice-key " + home.resolve("notice.key") + "\ndata " + home.resolve("data") + "\nlisten 127.0.0.1:0\n"
                + "witness-policy " + home.resolve("witnesses.txt") + "\npoll 1s\nenforcement 1s\n";
        AuditorService s = AuditorService.start(AuditorConfig.parse(config.getBytes(StandardCharsets.UTF_8)), TestKeys.signer(name),
                Optional.of(TlogPolicy.parse(policy)), HttpService.Options.loopback("auditor"), Clock.systemUTC());
        open.add(s);
        return s;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
