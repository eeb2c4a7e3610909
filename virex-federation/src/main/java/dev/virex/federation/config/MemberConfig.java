package dev.virex.federation.config;

import dev.virex.core.note.KeyNames;
import java.nio.file.Path;

/**
 * One member's configuration file (JSON). File paths are relative to the directory of the
 * configuration file. {@code witnessPolicy} (a C2SP tlog-policy file) is optional: without it the
 * member acts on log checkpoints without witness cosignatures ({@code quorum none}). {@code tls}
 * is optional: without it the member serves plain HTTP (loopback only, unless
 * {@code allowPlainHttp}) and trusts the system's certificate authorities.
 */
public record MemberConfig(String name, String federation, String identityKey, String keyShare, String policy, String data,
                           String listen, String witnessPolicy, Timing timing, boolean allowPlainHttp, MemberTls tls) {
    /** A configuration without TLS settings. */
    public MemberConfig(String name, String federation, String identityKey, String keyShare, String policy, String data,
                        String listen, String witnessPolicy, Timing timing, boolean allowPlainHttp) {
        this(name, federation, identityKey, keyShare, policy, data, listen, witnessPolicy, timing, allowPlainHttp, null);
    }

    public MemberConfig {
        if (name == null || !KeyNames.isValid(name)) {
            throw new IllegalArgumentException("name must be the member's key name");
        }
        for (String[] f : new String[][] {{"federation", federation}, {"identityKey", identityKey}, {"keyShare", keyShare},
                {"policy", policy}, {"data", data}, {"listen", listen}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalArgumentException(f[0] + " is required");
            }
        }
        timing = timing == null ? Timing.defaults() : timing;
        tls = tls == null ? MemberTls.NONE : tls;
    }

    /** The configuration with its paths resolved against the directory of {@code file}. */
    public record Loaded(MemberConfig config, Path dir) {
        public Path federation() {
            return dir.resolve(config.federation());
        }

        public Path identityKey() {
            return dir.resolve(config.identityKey());
        }

        public Path keyShare() {
            return dir.resolve(config.keyShare());
        }

        public Path policy() {
            return dir.resolve(config.policy());
        }

        public Path data() {
            return dir.resolve(config.data());
        }

        /** The TLS settings, paths resolved. */
        public dev.virex.http.TlsSettings tls() {
            return config.tls().settings(dir);
        }

        public java.util.Optional<Path> witnessPolicy() {
            return config.witnessPolicy() == null ? java.util.Optional.empty() : java.util.Optional.of(dir.resolve(config.witnessPolicy()));
        }
    }

    public static Loaded load(Path file) throws ConfigException {
        MemberConfig c = ConfigFiles.read(file, MemberConfig.class);
        Path dir = file.toAbsolutePath().getParent();
        return new Loaded(c, dir);
    }
}
