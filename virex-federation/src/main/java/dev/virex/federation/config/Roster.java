package dev.virex.federation.config;

import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.frost.SessionId;
import dev.virex.core.Bytes;
import dev.virex.core.Base64s;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The federation's members as a member uses them at run time, parsed once from the
 * {@link FederationConfig}: names in identifier order, identity keys (to authenticate envelopes)
 * and base URLs.
 */
public final class Roster {
    private final FederationConfig config;
    private final Map<String, VerifierKey> keys = new LinkedHashMap<>();
    private final Map<String, URI> urls = new LinkedHashMap<>();

    public Roster(FederationConfig config) {
        this.config = config;
        for (FederationConfig.MemberInfo m : config.members()) {
            keys.put(m.name(), m.identityKey());
            String u = m.url();
            urls.put(m.name(), URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u));
        }
    }

    public FederationConfig config() {
        return config;
    }

    public String federation() {
        return config.name();
    }

    public int threshold() {
        return config.threshold();
    }

    public List<String> names() {
        return List.copyOf(keys.keySet());
    }

    public boolean has(String name) {
        return keys.containsKey(name);
    }

    public Optional<VerifierKey> identity(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public URI url(String name) {
        URI u = urls.get(name);
        if (u == null) {
            throw new IllegalArgumentException("unknown member " + name);
        }
        return u;
    }

    /** The DKG configuration all members derive from the federation configuration. */
    public DkgConfig dkgConfig() {
        byte[] session = Base64s.decodeCanonical(config.dkgSession()).orElseThrow();
        return new DkgConfig(config.name(), config.threshold(), new SessionId(Bytes.wrap(session)), List.copyOf(keys.values()));
    }
}
