package dev.virex.auditor.config;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.ClientTls;
import dev.virex.http.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the auditor configuration: one setting per line, fields separated by spaces or tabs,
 * blank lines and {@code #} comments ignored; unknown settings, repeated single settings and bad
 * values are refused with the line number. Limit: {@link AuditorConfig#MAX_BYTES}.
 */
final class ConfigParser {
    private final Set<String> seen = new HashSet<>();
    private int lineNo;
    private Optional<URI> logUrl = Optional.empty();
    private Optional<VerifierKey> logKey = Optional.empty();
    private Optional<VerifierKey> federation = Optional.empty();
    private Optional<Path> noticeKey = Optional.empty();
    private Optional<Path> data = Optional.empty();
    private Optional<String> listen = Optional.empty();
    private Optional<Path> witnessPolicy = Optional.empty();
    private final List<URI> peers = new ArrayList<>();
    private Duration poll = Duration.ofSeconds(10);
    private Optional<Duration> enforcement = Optional.of(Duration.ofMinutes(1));
    private final TreeMap<String, Limits.Range> params = new TreeMap<>();
    private long changeFactor;
    private Optional<Window> removals = Optional.empty();
    private boolean removalEvidence;
    private int rejectedPercent = 99;
    private long rejectionVolume = 1000;
    private final Rules defaults = Rules.defaults();
    private Optional<Window> operatorJoins = defaults.operatorJoins();
    private Optional<Window> subnetJoins = defaults.subnetJoins();
    private Optional<Window> regionJoins = defaults.regionJoins();
    private Optional<Window> approverBurst = defaults.approverBurst();
    private long bandwidthMin = defaults.bandwidthMin();
    private long bandwidthMax = defaults.bandwidthMax();
    private Optional<String> softwareMin = Optional.empty();
    private boolean rejoin = true;
    private Optional<Path> tlsCert = Optional.empty();
    private Optional<Path> tlsKey = Optional.empty();
    private Optional<Path> tlsCa = Optional.empty();
    private int tlsLine;
    private final Set<String> pins = new HashSet<>();
    private boolean allowPlainHttp;
    private String nodeControl = "http";

    AuditorConfig parse(byte[] bytes) throws AuditorConfigException {
        if (bytes.length > AuditorConfig.MAX_BYTES) {
            throw new AuditorConfigException("configuration: longer than " + AuditorConfig.MAX_BYTES + " bytes");
        }
        for (byte b : bytes) {
            if (b != '\t' && b != '\n' && (b & 0xff) < 0x20 || b == 0x7f) {
                throw new AuditorConfigException("configuration: a control character other than tab and newline");
            }
        }
        for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                line(line.split("[ \t]+"));
            }
        }
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            lineNo = tlsLine;
            throw error("tls-cert and tls-key go together: give both or neither");
        }
        try {
            return new AuditorConfig(logUrl, logKey, federation, noticeKey, data, listen, witnessPolicy, peers, poll, enforcement,
                    new Limits(params, changeFactor, removals, removalEvidence, rejectedPercent, rejectionVolume),
                    new Rules(operatorJoins, subnetJoins, regionJoins, approverBurst, bandwidthMin, bandwidthMax, softwareMin, rejoin),
                    new Transport(new TlsSettings(tlsCert, tlsKey, tlsCa, pins), allowPlainHttp, nodeControl));
        } catch (IllegalArgumentException e) {
            throw new AuditorConfigException("configuration: " + e.getMessage());
        }
    }

    private void line(String[] f) throws AuditorConfigException {
        switch (f[0]) {
            case "log" -> {
                arity(f, 3, once("log"));
                logUrl = Optional.of(url(f[1]));
                logKey = Optional.of(vkey(f[2]));
            }
            case "federation" -> federation = Optional.of(vkey(arity(f, 2, once(f[0]))[1]));
            case "notice-key" -> noticeKey = Optional.of(path(arity(f, 2, once(f[0]))[1]));
            case "data" -> data = Optional.of(path(arity(f, 2, once(f[0]))[1]));
            case "listen" -> listen = Optional.of(hostPort(arity(f, 2, once(f[0]))[1]));
            case "witness-policy" -> witnessPolicy = Optional.of(path(arity(f, 2, once(f[0]))[1]));
            case "peer" -> peer(arity(f, 2, true)[1]);
            case "poll" -> poll = duration(arity(f, 2, once(f[0]))[1]);
            case "enforcement" -> enforcement = arity(f, 2, once(f[0]))[1].equals("off") ? Optional.empty() : Optional.of(duration(f[1]));
            case "tls-cert" -> {
                tlsCert = Optional.of(path(arity(f, 2, once(f[0]))[1]));
                tlsLine = lineNo;
            }
            case "tls-key" -> {
                tlsKey = Optional.of(path(arity(f, 2, once(f[0]))[1]));
                tlsLine = lineNo;
            }
            case "tls-ca" -> tlsCa = Optional.of(path(arity(f, 2, once(f[0]))[1]));
            case "tls-pin" -> pin(arity(f, 2, true)[1]);
            case "allow-plain-http" -> allowPlainHttp = choice(arity(f, 2, once(f[0]))[1], "yes", "no").equals("yes");
            case "node-control" -> nodeControl = choice(arity(f, 2, once(f[0]))[1], "http", "https");
            case "limit" -> limit(f);
            case "rule" -> rule(f);
            default -> throw error("unknown setting '" + clip(f[0]) + "'");
        }
    }

    private void limit(String[] f) throws AuditorConfigException {
        String what = f.length > 1 ? f[1] : "";
        switch (what) {
            case "param" -> {
                arity(f, 5, true);
                if (!f[2].matches("[a-z0-9][a-z0-9.-]{0,63}") || params.containsKey(f[2]) || params.size() == AuditorConfig.MAX_PARAM_LIMITS) {
                    throw error("limit param: a parameter key, once, at most " + AuditorConfig.MAX_PARAM_LIMITS);
                }
                long min = number(f[3]);
                long max = number(f[4]);
                params.put(f[2], build(() -> new Limits.Range(min, max)));
            }
            case "change-factor" -> changeFactor = number(arity(f, 3, once("limit change-factor"))[2]);
            case "removals" -> removals = Optional.of(window(arity(f, 4, once("limit removals"))));
            case "removal-evidence" -> removalEvidence = arity(f, 2, once("limit removal-evidence")).length == 2;
            case "rejected-percent" -> {
                arity(f, 4, once("limit rejected-percent"));
                long percent = number(f[2]);
                rejectionVolume = number(f[3]);
                if (percent < 1 || percent > 100 || rejectionVolume < 1) {
                    throw error("limit rejected-percent takes a percentage of 1 to 100 and a volume of at least 1");
                }
                rejectedPercent = (int) percent;
            }
            default -> throw error("unknown limit '" + clip(what) + "'");
        }
    }

    private void rule(String[] f) throws AuditorConfigException {
        String what = f.length > 1 ? f[1] : "";
        switch (what) {
            case "operator-joins" -> operatorJoins = optionalWindow(f);
            case "subnet-joins" -> subnetJoins = optionalWindow(f);
            case "region-joins" -> regionJoins = optionalWindow(f);
            case "approver-burst" -> approverBurst = optionalWindow(f);
            case "bandwidth" -> {
                arity(f, 4, once("rule bandwidth"));
                bandwidthMin = number(f[2]);
                bandwidthMax = number(f[3]);
                if (bandwidthMin < 1 || bandwidthMax < bandwidthMin) {
                    throw error("rule bandwidth takes a minimum of at least 1 and a maximum not below it (Mbit/s)");
                }
            }
            case "software-min" -> {
                softwareMin = Optional.of(arity(f, 3, once("rule software-min"))[2]);
                if (!softwareMin.get().matches("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}")) {
                    throw error("rule software-min takes a version like 1.4.0");
                }
            }
            case "rejoin" -> {
                arity(f, 3, once("rule rejoin"));
                if (!f[2].equals("on") && !f[2].equals("off")) {
                    throw error("rule rejoin takes on or off");
                }
                rejoin = f[2].equals("on");
            }
            default -> throw error("unknown rule '" + clip(what) + "'");
        }
    }

    private Optional<Window> optionalWindow(String[] f) throws AuditorConfigException {
        once("rule " + f[1]);
        if (f.length == 3 && f[2].equals("off")) {
            return Optional.empty();
        }
        return Optional.of(window(arity(f, 4, true)));
    }

    private Window window(String[] f) throws AuditorConfigException {
        long n = number(f[2]);
        Duration d = duration(f[3]);
        return build(() -> new Window((int) Math.min(n, Integer.MAX_VALUE), d));
    }

    private void peer(String s) throws AuditorConfigException {
        if (peers.size() == AuditorConfig.MAX_PEERS) {
            throw error("more than " + AuditorConfig.MAX_PEERS + " peers");
        }
        URI u = url(s);
        if (peers.contains(u)) {
            throw error("peer " + s + " listed twice");
        }
        peers.add(u);
    }

    private void pin(String s) throws AuditorConfigException {
        if (pins.size() == AuditorConfig.MAX_PINS || !pins.add(s)) {
            throw error("tls-pin: at most " + AuditorConfig.MAX_PINS + " pins, each once");
        }
        build(() -> ClientTls.requirePin(s));
    }

    private String choice(String s, String a, String b) throws AuditorConfigException {
        if (!s.equals(a) && !s.equals(b)) {
            throw error("'" + clip(s) + "': expected " + a + " or " + b);
        }
        return s;
    }

    private boolean once(String setting) throws AuditorConfigException {
        if (!seen.add(setting)) {
            throw error("'" + setting + "' given twice");
        }
        return true;
    }

    private String[] arity(String[] f, int n, boolean ignored) throws AuditorConfigException {
        if (f.length != n) {
            throw error("'" + clip(String.join(" ", List.of(f).subList(0, Math.min(2, f.length)))) + "' takes " + (n - 1) + " fields");
        }
        return f;
    }

    private URI url(String s) throws AuditorConfigException {
        try {
            URI u = new URI(s);
            if (s.length() > 2048 || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                    || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null || !u.toString().equals(s)) {
                throw error("'" + clip(s) + "' is not an http(s) URL without user, query or fragment");
            }
            return u;
        } catch (URISyntaxException e) {
            throw error("'" + clip(s) + "' is not a URL");
        }
    }

    private VerifierKey vkey(String s) throws AuditorConfigException {
        try {
            VerifierKey k = VerifierKey.parse(s);
            if (k.type() != SignatureType.ED25519) {
                throw error("a log or federation key has signature type 0x01");
            }
            return k;
        } catch (NoteException e) {
            throw error("invalid verifier key: " + e.getMessage());
        }
    }

    private Path path(String s) throws AuditorConfigException {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw error("invalid path '" + clip(s) + "'");
        }
    }

    private String hostPort(String s) throws AuditorConfigException {
        if (!s.matches("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]):(0|[1-9][0-9]{0,4})") || Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)) > 65535) {
            throw error("listen must be HOST:PORT, e.g. 127.0.0.1:8095");
        }
        return s;
    }

    private Duration duration(String s) throws AuditorConfigException {
        try {
            return Durations.parse(s);
        } catch (AuditorConfigException e) {
            throw error(e.getMessage());
        }
    }

    private long number(String s) throws AuditorConfigException {
        if (!s.matches("0|[1-9][0-9]{0,17}")) {
            throw error("'" + clip(s) + "' is not a decimal number");
        }
        return Long.parseLong(s);
    }

    private <T> T build(java.util.function.Supplier<T> c) throws AuditorConfigException {
        try {
            return c.get();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private AuditorConfigException error(String message) {
        return new AuditorConfigException("configuration line " + lineNo + ": " + message);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
