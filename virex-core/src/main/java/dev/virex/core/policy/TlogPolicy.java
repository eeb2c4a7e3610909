package dev.virex.core.policy;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A transparency log trust policy, C2SP tlog-policy: the logs accepted, the witnesses known, and
 * the quorum of witness cosignatures a checkpoint needs. Implementation limits: 256 logs, 256
 * witnesses, 256 groups (the spec recommends supporting at least 32 of each), 64 KiB of text.
 */
public record TlogPolicy(List<Log> logs, Map<String, Witness> witnesses, Map<String, Group> groups, String quorum) {
    public static final int MAX_ITEMS = 256;
    public static final int MAX_BYTES = 64 * 1024;
    public static final String NONE = "none";

    /** {@code log <vkey> [<url>]}: a log whose checkpoints the policy accepts; its key name is its origin. */
    public record Log(VerifierKey key, Optional<String> url) {}

    /** {@code witness <name> <vkey> [<url>]}: a cosigner, its vkey of type 0x04. */
    public record Witness(String name, VerifierKey key, Optional<String> url) {}

    /** {@code group <name> all|any|<k> <member>...}: witnessed when at least k members witnessed. */
    public record Group(String name, int k, List<String> members) {}

    public TlogPolicy {
        logs = List.copyOf(logs);
        witnesses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(witnesses));
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** The log whose key name is {@code origin}, if the policy accepts it. */
    public Optional<Log> log(String origin) {
        return logs.stream().filter(l -> l.key().name().equals(origin)).findFirst();
    }

    /** Whether a checkpoint cosigned by exactly {@code cosigners} (witness names) meets the quorum. */
    public boolean satisfiedBy(Set<String> cosigners) {
        return witnessed(quorum, cosigners);
    }

    private boolean witnessed(String name, Set<String> cosigners) {
        if (name.equals(NONE)) {
            return true;
        }
        Group g = groups.get(name);
        if (g == null) {
            return cosigners.contains(name);
        }
        int n = 0;
        for (String m : g.members()) {
            if (witnessed(m, cosigners)) {
                n++;
            }
        }
        return n >= g.k();
    }

    /** Whether this policy asks for no cosignature at all ({@code quorum none}). */
    public boolean requiresNoWitnesses() {
        return quorum.equals(NONE);
    }

    public static TlogPolicy parse(byte[] text) throws PolicyFormatException {
        if (text.length > MAX_BYTES) {
            throw new PolicyFormatException("policy longer than " + MAX_BYTES + " bytes");
        }
        for (byte b : text) {
            if (b != '\t' && b != '\n' && (b & 0xff) < 0x20 || b == 0x7f) {
                throw new PolicyFormatException("policy contains a control character other than tab and newline");
            }
        }
        return new Parser().parse(new String(text, StandardCharsets.UTF_8));
    }

    public static TlogPolicy parse(String text) throws PolicyFormatException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The policy's text form, one line per definition (comments are not kept). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        logs.forEach(l -> sb.append("log ").append(l.key().encode()).append(l.url().map(u -> " " + u).orElse("")).append('\n'));
        witnesses.values().forEach(w -> sb.append("witness ").append(w.name()).append(' ').append(w.key().encode())
                .append(w.url().map(u -> " " + u).orElse("")).append('\n'));
        groups.values().forEach(g -> sb.append("group ").append(g.name()).append(' ').append(g.k()).append(' ')
                .append(String.join(" ", g.members())).append('\n'));
        return sb.append("quorum ").append(quorum).append('\n').toString();
    }

    private static final class Parser {
        private final List<Log> logs = new ArrayList<>();
        private final Map<String, Witness> witnesses = new LinkedHashMap<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private final Set<String> publicKeys = new HashSet<>();
        private String quorum;
        private int lineNo;

        TlogPolicy parse(String text) throws PolicyFormatException {
            for (String raw : text.split("\n", -1)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("[ \t]+");
                switch (f[0]) {
                    case "log" -> log(f);
                    case "witness" -> witness(f);
                    case "group" -> group(f);
                    case "quorum" -> quorum(f);
                    default -> throw error("unknown keyword '" + f[0] + "'");
                }
            }
            if (quorum == null) {
                throw new PolicyFormatException("policy has no quorum line (use 'quorum none' for no witnesses)");
            }
            return new TlogPolicy(logs, witnesses, groups, quorum);
        }

        private void log(String[] f) throws PolicyFormatException {
            arity(f, 2, 3);
            VerifierKey k = key(f[1], SignatureType.ED25519, "log");
            logs.add(new Log(k, f.length == 3 ? Optional.of(f[2]) : Optional.empty()));
            count(logs.size(), "logs");
        }

        private void witness(String[] f) throws PolicyFormatException {
            arity(f, 3, 4);
            define(f[1]);
            VerifierKey k = key(f[2], SignatureType.COSIGNATURE_V1, "witness");
            witnesses.put(f[1], new Witness(f[1], k, f.length == 4 ? Optional.of(f[3]) : Optional.empty()));
            count(witnesses.size(), "witnesses");
        }

        private void group(String[] f) throws PolicyFormatException {
            if (f.length < 4) {
                throw error("group needs a name, a threshold and at least one member");
            }
            define(f[1]);
            List<String> members = new ArrayList<>();
            for (int i = 3; i < f.length; i++) {
                if (!defined(f[i]) || f[i].equals(NONE)) {
                    throw error("group member '" + f[i] + "' is not a witness or group defined above");
                }
                if (members.contains(f[i])) {
                    throw error("group member '" + f[i] + "' listed twice");
                }
                members.add(f[i]);
            }
            int n = members.size();
            int k = switch (f[2]) {
                case "all" -> n;
                case "any" -> 1;
                default -> threshold(f[2], n);
            };
            groups.put(f[1], new Group(f[1], k, members));
            count(groups.size(), "groups");
        }

        private void quorum(String[] f) throws PolicyFormatException {
            arity(f, 2, 2);
            if (quorum != null) {
                throw error("a policy has exactly one quorum line");
            }
            if (!f[1].equals(NONE) && !defined(f[1])) {
                throw error("quorum '" + f[1] + "' is not a witness or group defined above");
            }
            quorum = f[1];
        }

        private int threshold(String s, int n) throws PolicyFormatException {
            if (!s.matches("[1-9][0-9]{0,3}")) {
                throw error("group threshold must be all, any or a decimal number");
            }
            int k = Integer.parseInt(s);
            if (k > n) {
                throw error("group threshold " + k + " exceeds its " + n + " members");
            }
            return k;
        }

        private VerifierKey key(String vkey, int type, String what) throws PolicyFormatException {
            VerifierKey k;
            try {
                k = VerifierKey.parse(vkey);
            } catch (NoteException e) {
                throw error(what + " key: " + e.getMessage());
            }
            if (k.type() != type) {
                throw error(what + " key must have signature type 0x0" + type);
            }
            if (!publicKeys.add(k.publicKey().toHex())) {
                throw error("duplicate public key");
            }
            return k;
        }

        private void define(String name) throws PolicyFormatException {
            if (name.equals(NONE) || defined(name)) {
                throw error("name '" + name + "' is already defined");
            }
        }

        private boolean defined(String name) {
            return witnesses.containsKey(name) || groups.containsKey(name);
        }

        private void arity(String[] f, int min, int max) throws PolicyFormatException {
            if (f.length < min || f.length > max) {
                throw error("'" + f[0] + "' takes " + (min - 1) + (max > min ? " or " + (max - 1) : "") + " fields");
            }
        }

        private void count(int n, String what) throws PolicyFormatException {
            if (n > MAX_ITEMS) {
                throw error("more than " + MAX_ITEMS + " " + what);
            }
        }

        private PolicyFormatException error(String message) {
            return new PolicyFormatException("policy line " + lineNo + ": " + message);
        }
    }
}
