package dev.virex.cli.auditor;

import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.config.AuditorConfigException;
import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import dev.virex.core.policy.PolicyFormatException;
import dev.virex.core.policy.TlogPolicy;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the auditor's configuration and witness policy files, with one-line errors. */
final class AuditorFiles {
    private AuditorFiles() {}

    /** The configuration in {@code file}, its relative paths resolved against the file's folder. */
    static AuditorConfig config(Path file) {
        try {
            return AuditorConfig.parse(Inputs.readFile(file, AuditorConfig.MAX_BYTES, "configuration file"))
                    .resolvedAgainst(file.toAbsolutePath().getParent());
        } catch (AuditorConfigException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    static Optional<TlogPolicy> policy(Optional<Path> file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TlogPolicy.parse(Inputs.readFile(file.get(), TlogPolicy.MAX_BYTES, "witness policy file")));
        } catch (PolicyFormatException e) {
            throw new UserError(file.get() + ": " + e.getMessage());
        }
    }
}
