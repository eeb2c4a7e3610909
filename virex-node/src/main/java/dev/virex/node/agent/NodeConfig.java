package dev.virex.node.agent;

import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A node agent's configuration file (docs/spec/nodes.md, "Configuration"):
 *
 * <pre>
 * virex-node-config/v1
 * key node.key                      # the node's private key file (its key name is the node ID)
 * role mixnode                      # mixnode, mailbox or ods
 * federation &lt;vkey&gt;               # the federation's group key (genesis, or current when bootstrapping)
 * policy log-policy.txt             # C2SP tlog-policy: the log (with its URL), witnesses, quorum
 * state state                       # directory for the persisted state
 * control 127.0.0.1:7401            # the HTTP control endpoint (probes, health, metrics)
 * listen 127.0.0.1:7400             # mixnode only: the packet port
 * bootstrap http://member.example/  # 0 to 16 members serving GET /directory
 * poll-interval 500ms               # checkpoint polls, +-20% jitter (50ms to 1h)
 * monitor-interval 30s              # peer reachability rounds (1s to 1d)
 * monitor-peers 16                  # peers checked per round (1 to 1024)
 * allow-plain-http no               # yes: allow the control endpoint on a public address without TLS
 * tls-cert control.crt.pem          # the control endpoint serves HTTPS with this certificate chain (PEM)
 * tls-key control.key.pem           # and this PKCS#8 PEM key (both or neither)
 * tls-ca ca.pem                     # CA certificates trusted for the log and bootstrap members (default: the system's)
 * tls-pin &lt;base64 sha256&gt;           # 0 to 64 server key pins; when given, servers must present one
 * </pre>
 *
 * One {@code key value} per line, values without spaces; blank lines and lines starting with
 * {@code #} are ignored; each key once (bootstrap up to 16 times, tls-pin up to 64); unknown keys
 * are refused. Paths are relative to the file's directory. Limits: {@link #MAX_BYTES} bytes,
 * {@link #MAX_LINES} lines.
 */
public record NodeConfig(Path key, NodeRole role, VerifierKey federation, Path policy, Path state, Endpoint control,
                         Optional<Endpoint> listen, List<URI> bootstrap, Duration pollInterval, Duration monitorInterval,
                         int monitorPeers, boolean allowPlainHttp, TlsSettings tls) {
    public static final String VERSION = "virex-node-config/v1";
    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_LINES = 256;
    public static final int MAX_BOOTSTRAP = 16;
    public static final Duration MIN_POLL = Duration.ofMillis(50);
    public static final Duration MAX_POLL = Duration.ofHours(1);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    public static final Duration DEFAULT_MONITOR = Duration.ofSeconds(30);
    public static final int DEFAULT_MONITOR_PEERS = 16;

    /** A configuration without TLS settings. */
    public NodeConfig(Path key, NodeRole role, VerifierKey federation, Path policy, Path state, Endpoint control,
                      Optional<Endpoint> listen, List<URI> bootstrap, Duration pollInterval, Duration monitorInterval,
                      int monitorPeers, boolean allowPlainHttp) {
        this(key, role, federation, policy, state, control, listen, bootstrap, pollInterval, monitorInterval, monitorPeers,
                allowPlainHttp, TlsSettings.NONE);
    }

    public NodeConfig {
        bootstrap = List.copyOf(bootstrap);
        Objects.requireNonNull(tls, "tls");
        if ((role == NodeRole.MIXNODE) != listen.isPresent()) {
            throw new IllegalArgumentException("a mixnode needs 'listen' (its packet port); other roles have none");
        }
        if (bootstrap.size() > MAX_BOOTSTRAP) {
            throw new IllegalArgumentException("at most " + MAX_BOOTSTRAP + " bootstrap members");
        }
        if (pollInterval.compareTo(MIN_POLL) < 0 || pollInterval.compareTo(MAX_POLL) > 0) {
            throw new IllegalArgumentException("poll-interval must be 50ms to 1h");
        }
        if (monitorInterval.compareTo(Duration.ofSeconds(1)) < 0 || monitorInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("monitor-interval must be 1s to 1d");
        }
        if (monitorPeers < 1 || monitorPeers > 1024) {
            throw new IllegalArgumentException("monitor-peers must be 1 to 1024");
        }
    }

    /** Parses a configuration file's text; relative paths are resolved against {@code base}. */
    public static NodeConfig parse(String text, Path base) throws ConfigFormatException {
        return ConfigText.parse(text, base);
    }

    /** The canonical text of this configuration (paths as resolved). */
    public String text() {
        StringBuilder sb = new StringBuilder(VERSION).append('\n');
        line(sb, "key", key).line(sb, "role", role.wire()).line(sb, "federation", federation.encode())
                .line(sb, "policy", policy).line(sb, "state", state).line(sb, "control", control);
        listen.ifPresent(l -> line(sb, "listen", l));
        bootstrap.forEach(u -> line(sb, "bootstrap", u));
        line(sb, "poll-interval", ConfigText.format(pollInterval)).line(sb, "monitor-interval", ConfigText.format(monitorInterval))
                .line(sb, "monitor-peers", monitorPeers)
                .line(sb, "allow-plain-http", allowPlainHttp ? "yes" : "no");
        tls.certificate().ifPresent(p -> line(sb, "tls-cert", p));
        tls.key().ifPresent(p -> line(sb, "tls-key", p));
        tls.trustedCertificates().ifPresent(p -> line(sb, "tls-ca", p));
        new TreeSet<>(tls.pins()).forEach(p -> line(sb, "tls-pin", p));
        return sb.toString();
    }

    private NodeConfig line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(' ').append(v).append('\n');
        return this;
    }
}
