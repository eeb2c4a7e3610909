package dev.virex.cli.log;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.PolicyFormatException;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.log.server.CosignStep;
import dev.virex.log.witness.WitnessCollector;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a tlog-policy file for the log's witness collection. */
final class WitnessPolicies {
    private static final Logger log = LoggerFactory.getLogger(WitnessPolicies.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofMillis(500);

    private WitnessPolicies() {}

    static TlogPolicy read(Path file) {
        try {
            return TlogPolicy.parse(Inputs.readFile(file, TlogPolicy.MAX_BYTES, "policy file"));
        } catch (PolicyFormatException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /**
     * The cosign step for the log with key {@code logKey}: none without a file or with 'quorum none';
     * else the policy's witnesses, called over HTTP(S) verified as {@code tls} says.
     */
    static CosignStep cosignStep(Path file, VerifierKey logKey, ClientTlsOptions tls) {
        if (file == null) {
            return CosignStep.NONE;
        }
        TlogPolicy policy = read(file);
        if (!policy.logs().isEmpty() && policy.logs().stream().noneMatch(l -> l.key().equals(logKey))) {
            log.warn("{} does not list this log's key {}; readers using it will not accept this log's checkpoints",
                    file, logKey.encode());
        }
        if (policy.requiresNoWitnesses()) {
            return CosignStep.NONE;
        }
        try {
            return WitnessCollector.overHttp(policy, tls.client(), TIMEOUT, GRACE);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage() + " (give witnesses URLs: 'witness NAME VKEY URL')");
        }
    }
}
