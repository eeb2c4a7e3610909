package dev.virex.auditor.config;

import dev.virex.core.note.VerifierKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An auditor's configuration (docs/spec/auditor.md, "Configuration"): which log to follow and with
 * which keys, the federation's genesis key, where to keep state and listen, the witness policy,
 * gossip peers, how often to poll the log and the mixnodes, and the auditor's own limits and
 * onboarding rules. {@code virex auditor serve --config} needs the log, federation, notice key,
 * data directory and listen address; {@code virex audit --policy} reads the same format and uses
 * the limits, rules and witness policy.
 */
public record AuditorConfig(Optional<URI> logUrl, Optional<VerifierKey> logKey, Optional<VerifierKey> federation,
                            Optional<Path> noticeKey, Optional<Path> data, Optional<String> listen, Optional<Path> witnessPolicy,
                            List<URI> peers, Duration poll, Optional<Duration> enforcement, Limits limits, Rules rules,
                            Transport transport) {
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_PEERS = 32;
    public static final int MAX_PARAM_LIMITS = 64;
    public static final int MAX_PINS = 64;

    /** A configuration with the default transport (plain HTTP on loopback, the system's trust anchors). */
    public AuditorConfig(Optional<URI> logUrl, Optional<VerifierKey> logKey, Optional<VerifierKey> federation,
                         Optional<Path> noticeKey, Optional<Path> data, Optional<String> listen, Optional<Path> witnessPolicy,
                         List<URI> peers, Duration poll, Optional<Duration> enforcement, Limits limits, Rules rules) {
        this(logUrl, logKey, federation, noticeKey, data, listen, witnessPolicy, peers, poll, enforcement, limits, rules,
                Transport.DEFAULTS);
    }

    public AuditorConfig {
        peers = List.copyOf(peers);
        java.util.Objects.requireNonNull(transport, "transport");
        if (logUrl.isPresent() != logKey.isPresent()) {
            throw new IllegalArgumentException("a log has both a URL and a key");
        }
        if (peers.size() > MAX_PEERS) {
            throw new IllegalArgumentException("at most " + MAX_PEERS + " peers");
        }
    }

    /** No log, no keys; default poll (10 s), enforcement checks every minute, default limits and rules. */
    public static AuditorConfig defaults() {
        return new AuditorConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Duration.ofSeconds(10), Optional.of(Duration.ofMinutes(1)),
                Limits.defaults(), Rules.defaults(), Transport.DEFAULTS);
    }

    public static AuditorConfig parse(byte[] text) throws AuditorConfigException {
        return new ConfigParser().parse(text);
    }

    /**
     * This configuration with every relative path (notice key, data, witness policy, TLS files)
     * resolved against {@code dir}, the folder of the configuration file.
     */
    public AuditorConfig resolvedAgainst(Path dir) {
        return new AuditorConfig(logUrl, logKey, federation, noticeKey.map(dir::resolve), data.map(dir::resolve), listen,
                witnessPolicy.map(dir::resolve), peers, poll, enforcement, limits, rules, transport.resolvedAgainst(dir));
    }

    /** The configuration as text, every setting spelled out; {@code parse(text())} equals this. */
    public String text() {
        StringBuilder sb = new StringBuilder(1024);
        logUrl.ifPresent(u -> sb.append("log ").append(u).append(' ').append(logKey.orElseThrow().encode()).append('\n'));
        federation.ifPresent(f -> sb.append("federation ").append(f.encode()).append('\n'));
        noticeKey.ifPresent(p -> sb.append("notice-key ").append(p).append('\n'));
        data.ifPresent(p -> sb.append("data ").append(p).append('\n'));
        listen.ifPresent(l -> sb.append("listen ").append(l).append('\n'));
        witnessPolicy.ifPresent(p -> sb.append("witness-policy ").append(p).append('\n'));
        peers.forEach(p -> sb.append("peer ").append(p).append('\n'));
        sb.append("poll ").append(Durations.format(poll)).append('\n');
        sb.append("enforcement ").append(enforcement.map(Durations::format).orElse("off")).append('\n');
        limits.params().forEach((k, r) -> sb.append("limit param ").append(k).append(' ').append(r.min()).append(' ').append(r.max()).append('\n'));
        sb.append("limit change-factor ").append(limits.maxChangeFactor()).append('\n');
        limits.removals().ifPresent(w -> sb.append("limit removals ").append(w.text()).append('\n'));
        if (limits.removalEvidence()) {
            sb.append("limit removal-evidence\n");
        }
        sb.append("limit rejected-percent ").append(limits.maxRejectedPercent()).append(' ').append(limits.rejectionVolume()).append('\n');
        window(sb, "operator-joins", rules.operatorJoins());
        window(sb, "subnet-joins", rules.subnetJoins());
        window(sb, "region-joins", rules.regionJoins());
        window(sb, "approver-burst", rules.approverBurst());
        sb.append("rule bandwidth ").append(rules.bandwidthMin()).append(' ').append(rules.bandwidthMax()).append('\n');
        rules.softwareMin().ifPresent(v -> sb.append("rule software-min ").append(v).append('\n'));
        sb.append("rule rejoin ").append(rules.rejoin() ? "on" : "off").append('\n');
        transport.tls().certificate().ifPresent(p -> sb.append("tls-cert ").append(p).append('\n'));
        transport.tls().key().ifPresent(p -> sb.append("tls-key ").append(p).append('\n'));
        transport.tls().trustedCertificates().ifPresent(p -> sb.append("tls-ca ").append(p).append('\n'));
        new java.util.TreeSet<>(transport.tls().pins()).forEach(p -> sb.append("tls-pin ").append(p).append('\n'));
        sb.append("allow-plain-http ").append(transport.allowPlainHttp() ? "yes" : "no").append('\n');
        sb.append("node-control ").append(transport.nodeControl()).append('\n');
        return sb.toString();
    }

    private static void window(StringBuilder sb, String name, Optional<Window> w) {
        sb.append("rule ").append(name).append(' ').append(w.map(Window::text).orElse("off")).append('\n');
    }
}
