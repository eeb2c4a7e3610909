package dev.virex.node.agent;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignerKey;
import dev.virex.core.policy.PolicyFormatException;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.log.http.HttpLogClient;
import dev.virex.node.bootstrap.BootstrapClient;
import dev.virex.node.bootstrap.SnapshotVerifier;
import dev.virex.node.follow.FollowerSettings;
import dev.virex.node.follow.FollowerState;
import dev.virex.node.follow.NodeFollower;
import dev.virex.node.follow.StateStore;
import dev.virex.node.follow.WitnessedLog;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a node agent reads before it runs: its key, the trust policy and its one log, and
 * where its follower starts (the persisted state; else a verified snapshot from the bootstrap
 * members; else genesis). Failures are {@link IOException}s with a message for the operator.
 */
final class AgentSetup {
    private static final Logger log = LoggerFactory.getLogger(AgentSetup.class);
    static final int MAX_KEY_BYTES = 4096;

    private AgentSetup() {}

    static NodeAgent create(NodeConfig config, AgentOptions options) throws IOException {
        SignerKey key = key(config.key());
        TlogPolicy policy = policy(config.policy());
        TlogPolicy.Log logEntry = theLog(policy, config.policy());
        HttpLogClient client = new HttpLogClient(url(logEntry), options.http(), options.httpTimeout());
        StateStore store = new StateStore(config.state(), options.clock());
        Optional<FollowerState> start = store.load(logEntry.key().noteVerifier());
        if (start.isPresent()) {
            log.info("resuming from the persisted state at log size {}", start.get().directory().logSize());
        } else if (!config.bootstrap().isEmpty()) {
            start = new BootstrapClient(options.http(), options.httpTimeout())
                    .fetch(config.bootstrap(), policy, config.federation()).map(SnapshotVerifier.Verified::state);
        }
        if (start.isEmpty()) {
            log.info("following the log {} from genesis", logEntry.key().name());
        }
        WitnessedLog witnessed = new WitnessedLog(client, policy, start.map(s -> s.checkpoint().raw()));
        ExecutorService persistence = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("virex-node-persist").unstarted(r));
        NodeFollower follower = new NodeFollower(witnessed, logEntry.key().noteVerifier(), config.federation(), start,
                Optional.of(store), new FollowerSettings(options.clock(), options.maxBatch(), options.maxEntriesPerPoll(), persistence));
        return new NodeAgent(config, key, follower, options, persistence);
    }

    static SignerKey key(Path file) throws IOException {
        byte[] data = read(file, MAX_KEY_BYTES, "key file");
        try {
            return SignerKey.parse(new String(data, StandardCharsets.UTF_8).strip());
        } catch (NoteException e) {
            throw new IOException(file + " is not a private key file: " + e.getMessage());
        }
    }

    static TlogPolicy policy(Path file) throws IOException {
        try {
            return TlogPolicy.parse(read(file, TlogPolicy.MAX_BYTES, "policy file"));
        } catch (PolicyFormatException e) {
            throw new IOException(file + " is not a C2SP tlog-policy: " + e.getMessage());
        }
    }

    /** The one log of the policy, which must carry its URL. */
    static TlogPolicy.Log theLog(TlogPolicy policy, Path file) throws IOException {
        List<TlogPolicy.Log> logs = policy.logs();
        if (logs.size() != 1 || logs.get(0).url().isEmpty()) {
            throw new IOException(file + " must name exactly one log, with its URL: 'log <vkey> <url>'");
        }
        return logs.get(0);
    }

    private static URI url(TlogPolicy.Log l) throws IOException {
        try {
            URI u = new URI(l.url().orElseThrow());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IOException("the log URL must be http(s): " + u);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IOException("the log URL is not a URL: " + e.getMessage());
        }
    }

    static byte[] read(Path file, int max, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " " + file + " does not exist");
        }
        if (Files.size(file) > max) {
            throw new IOException(what + " " + file + " is larger than " + max + " bytes");
        }
        return Files.readAllBytes(file);
    }
}
