package dev.virex.federation.config;

import dev.virex.core.Base64s;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.VerifierKey;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The federation configuration every member holds (JSON, docs/spec/federation.md): the federation
 * (group key) name, the threshold M, the N members in FROST identifier order with their URLs and
 * identity vkeys (members authenticate each other with these), the DKG session, the log, and any
 * genesis parameter overrides.
 */
public record FederationConfig(String name, int threshold, List<MemberInfo> members, String dkgSession, LogInfo log,
                               Map<String, String> genesisParams) {
    /** One member: its name (its identity key's name), base URL and identity vkey. */
    public record MemberInfo(String name, String url, String identity) {
        public MemberInfo {
            if (name == null || !KeyNames.isValid(name)) {
                throw new IllegalArgumentException("member name must be a valid key name: " + name);
            }
            requireHttpUrl(url, "member " + name + " url");
            VerifierKey k = vkey(identity, "member " + name + " identity");
            if (!k.name().equals(name)) {
                throw new IllegalArgumentException("member " + name + ": the identity vkey is named " + k.name());
            }
        }

        public VerifierKey identityKey() {
            return vkey(identity, "identity");
        }
    }

    /** The transparency log: base URL and the log's checkpoint vkey. */
    public record LogInfo(String url, String vkey) {
        public LogInfo {
            requireHttpUrl(url, "log url");
            FederationConfig.vkey(vkey, "log vkey");
        }

        public VerifierKey key() {
            return FederationConfig.vkey(vkey, "log vkey");
        }
    }

    public FederationConfig {
        if (name == null || !KeyNames.isValid(name)) {
            throw new IllegalArgumentException("federation name must be a valid key name");
        }
        if (members == null || members.isEmpty() || members.size() > 64) {
            throw new IllegalArgumentException("a federation has 1 to 64 members");
        }
        members = List.copyOf(members);
        if (threshold < 1 || threshold > members.size()) {
            throw new IllegalArgumentException("threshold must be 1 to " + members.size());
        }
        Set<String> names = new HashSet<>();
        for (MemberInfo m : members) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("two members named " + m.name());
            }
        }
        if (dkgSession == null || Base64s.decodeCanonical(dkgSession).map(b -> b.length != 32).orElse(true)) {
            throw new IllegalArgumentException("dkgSession must be the base64 of 32 random bytes");
        }
        if (log == null) {
            throw new IllegalArgumentException("log (url and vkey) is required");
        }
        genesisParams = genesisParams == null ? Map.of() : Map.copyOf(new TreeMap<>(genesisParams));
    }

    public MemberInfo member(String memberName) {
        return members.stream().filter(m -> m.name().equals(memberName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member named " + memberName + " in federation " + name));
    }

    public List<String> names() {
        return members.stream().map(MemberInfo::name).toList();
    }

    static VerifierKey vkey(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            VerifierKey k = VerifierKey.parse(text);
            if (k.type() != SignatureType.ED25519) {
                throw new IllegalArgumentException(what + " must be an Ed25519 vkey");
            }
            return k;
        } catch (NoteException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    static void requireHttpUrl(String url, String what) {
        try {
            URI u = URI.create(url == null ? "" : url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an http:// or https:// URL, got '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(what) ? e.getMessage() : what + " is not a URL: " + url);
        }
    }
}
