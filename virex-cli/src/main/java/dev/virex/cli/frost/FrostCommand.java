package dev.virex.cli.frost;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code virex frost ...}: inspect FROST groups and check group signatures and attestations. */
@Command(
        name = "frost",
        mixinStandardHelpOptions = true,
        description = "FROST(Ed25519, SHA-512) threshold signatures (RFC 9591): check a group signature or an "
                + "attestation of who signed, and show group descriptions.",
        subcommands = {FrostVerifyCommand.class, FrostGroupCommand.class})
public final class FrostCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (verify or group)");
    }
}
