package dev.virex.node.agent;

import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.ClientTls;
import dev.virex.http.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The strict parser of {@link NodeConfig} files. */
final class ConfigText {
    private static final Set<String> KEYS = Set.of("key", "role", "federation", "policy", "state", "control", "listen",
            "bootstrap", "poll-interval", "monitor-interval", "monitor-peers", "allow-plain-http", "tls-cert", "tls-key", "tls-ca",
            "tls-pin");
    static final int MAX_PINS = 64;
    private static final Pattern DURATION = Pattern.compile("(0|[1-9][0-9]{0,8})(ms|s|m|h|d)");
    private static final Pattern PRINTABLE = Pattern.compile("[!-~]{1,1024}");

    private ConfigText() {}

    static NodeConfig parse(String text, Path base) throws ConfigFormatException {
        if (text.length() > NodeConfig.MAX_BYTES) {
            throw new ConfigFormatException("configuration longer than " + NodeConfig.MAX_BYTES + " bytes");
        }
        Map<String, String> one = new HashMap<>();
        List<URI> bootstrap = new ArrayList<>();
        Set<String> pins = new HashSet<>();
        boolean versioned = false;
        String[] lines = text.split("\n", -1);
        if (lines.length > NodeConfig.MAX_LINES) {
            throw new ConfigFormatException("configuration has more than " + NodeConfig.MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1) + ": ";
            if (!versioned) {
                if (!line.equals(NodeConfig.VERSION)) {
                    throw new ConfigFormatException(where + "the first line must be " + NodeConfig.VERSION);
                }
                versioned = true;
                continue;
            }
            int sp = line.indexOf(' ');
            String k = sp < 0 ? line : line.substring(0, sp);
            String v = sp < 0 ? "" : line.substring(sp + 1);
            if (!KEYS.contains(k)) {
                throw new ConfigFormatException(where + "unknown key '" + Endpoint.abbreviate(k) + "'");
            }
            if (!PRINTABLE.matcher(v).matches()) {
                throw new ConfigFormatException(where + k + " needs one value: printable ASCII, no spaces");
            }
            if (k.equals("bootstrap")) {
                if (bootstrap.size() == NodeConfig.MAX_BOOTSTRAP) {
                    throw new ConfigFormatException(where + "more than " + NodeConfig.MAX_BOOTSTRAP + " bootstrap members");
                }
                bootstrap.add(url(v, where));
            } else if (k.equals("tls-pin")) {
                if (pins.size() == MAX_PINS || !pins.add(v)) {
                    throw new ConfigFormatException(where + "tls-pin: at most " + MAX_PINS + " pins, each once");
                }
                try {
                    ClientTls.requirePin(v);
                } catch (IllegalArgumentException e) {
                    throw new ConfigFormatException(where + e.getMessage());
                }
            } else if (one.put(k, v) != null) {
                throw new ConfigFormatException(where + k + " appears twice");
            }
        }
        if (!versioned) {
            throw new ConfigFormatException("empty configuration: the first line must be " + NodeConfig.VERSION);
        }
        try {
            NodeRole role = NodeRole.parse(required(one, "role"));
            Optional<Endpoint> listen = one.containsKey("listen") ? Optional.of(Endpoint.parse(one.get("listen"))) : Optional.empty();
            return new NodeConfig(path(base, required(one, "key")), role, vkey(required(one, "federation")),
                    path(base, required(one, "policy")), path(base, required(one, "state")), Endpoint.parse(required(one, "control")),
                    listen, bootstrap, duration(one.getOrDefault("poll-interval", "500ms")),
                    duration(one.getOrDefault("monitor-interval", "30s")),
                    number(one.getOrDefault("monitor-peers", "" + NodeConfig.DEFAULT_MONITOR_PEERS)),
                    yesNo(one.getOrDefault("allow-plain-http", "no")),
                    new TlsSettings(optionalPath(base, one.get("tls-cert")), optionalPath(base, one.get("tls-key")),
                            optionalPath(base, one.get("tls-ca")), pins));
        } catch (DecisionFormatException e) {
            throw new ConfigFormatException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigFormatException(e.getMessage());
        }
    }

    private static String required(Map<String, String> m, String k) throws ConfigFormatException {
        String v = m.get(k);
        if (v == null) {
            throw new ConfigFormatException("missing '" + k + "'");
        }
        return v;
    }

    private static Path path(Path base, String v) throws ConfigFormatException {
        try {
            return base.resolve(v).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigFormatException("invalid path '" + Endpoint.abbreviate(v) + "'");
        }
    }

    private static Optional<Path> optionalPath(Path base, String v) throws ConfigFormatException {
        return v == null ? Optional.empty() : Optional.of(path(base, v));
    }

    private static VerifierKey vkey(String v) throws ConfigFormatException {
        try {
            VerifierKey k = VerifierKey.parse(v);
            if (k.type() != SignatureType.ED25519) {
                throw new ConfigFormatException("federation must be an Ed25519 verifier key");
            }
            return k;
        } catch (NoteException e) {
            throw new ConfigFormatException("federation: " + e.getMessage());
        }
    }

    private static URI url(String v, String where) throws ConfigFormatException {
        try {
            URI u = new URI(v);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                    || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new ConfigFormatException(where + "bootstrap must be an http(s) URL without query or credentials");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigFormatException(where + "bootstrap is not a URL");
        }
    }

    static Duration duration(String v) throws ConfigFormatException {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new ConfigFormatException("duration must be a number with ms, s, m, h or d, not '" + Endpoint.abbreviate(v) + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest exact spelling of {@code d} that {@link #duration} reads back. */
    static String format(Duration d) {
        long ms = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0 && ms / sizes[i] < 1_000_000_000L) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }

    private static int number(String v) throws ConfigFormatException {
        if (!v.matches("[1-9][0-9]{0,5}")) {
            throw new ConfigFormatException("monitor-peers must be a decimal number");
        }
        return Integer.parseInt(v);
    }

    private static boolean yesNo(String v) throws ConfigFormatException {
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new ConfigFormatException("allow-plain-http must be yes or no");
        };
    }
}
