package dev.virex.cli.demo;

import dev.virex.auditor.AuditorService;
import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.config.AuditorConfigException;
import dev.virex.cli.KeyFiles;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts the demo's auditor as {@code virex auditor serve --config} starts one, from a
 * configuration file written into the demo directory: the log, the federation's genesis key, the
 * witness policy, its notice key, a one-second poll and enforcement rounds every 10 s (the
 * mixnodes report every 5 s in the demo, so each has a report by the first round), and limits on
 * what the federation may decide.
 */
final class AuditorLauncher {
    static final String NAME = "auditor.demo.example";

    /** The running auditor and its notice vkey. */
    record Running(AuditorService service, VerifierKey vkey) implements AutoCloseable {
        URI url() {
            return service.baseUri();
        }

        @Override
        public void close() throws IOException {
            service.close();
        }
    }

    private AuditorLauncher() {}

    static String config(URI logUrl, VerifierKey logKey, VerifierKey federation, Path dir, Path policy) {
        return "# written by 'virex demo'; format: docs/spec/auditor.md\n"
                + "log " + logUrl + "/ " + logKey.encode() + "\n"
                + "federation " + federation.encode() + "\n"
                + "notice-key " + dir.resolve("auditor.key") + "\n"
                + "data " + dir.resolve("data") + "\n"
                + "listen 127.0.0.1:0\n"
                + "witness-policy " + policy + "\n"
                + "poll 1s\n"
                + "enforcement 10s\n"
                + "limit param abuse.effort-floor 8 65536\n"
                + "limit removal-evidence\n"
                + "# every demo node shares 127.0.0.1, so a per-subnet join rule would only flag the demo itself\n"
                + "rule subnet-joins off\n";
    }

    /** Writes the key and configuration under {@code dir} and starts serving. */
    static Running start(Path dir, URI logUrl, VerifierKey logKey, VerifierKey federation, Path policyFile, TlogPolicy policy,
                                SecureRandom random) throws IOException {
        Files.createDirectories(dir);
        SignerKey key = SignerKey.generate(NAME, random);
        KeyFiles.writeNew(dir.resolve("auditor.key"), key);
        String text = config(logUrl, logKey, federation, dir, policyFile);
        Files.writeString(dir.resolve("auditor.conf"), text, StandardCharsets.UTF_8);
        AuditorConfig c;
        try {
            c = AuditorConfig.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (AuditorConfigException e) {
            throw new IllegalStateException("the demo wrote an auditor configuration that does not parse: " + e.getMessage(), e);
        }
        return new Running(AuditorService.start(c, key, Optional.of(policy), HttpService.Options.loopback("auditor"), Clock.systemUTC()),
                key.verifierKey());
    }
}
