package dev.virex.crypto.entry;

import dev.virex.core.decision.Decision;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs a decision with M key shares held in one process, running both FROST rounds in memory, and
 * returns the log entry ({@link DecisionEntry#encode}): for tests, demos and benchmarks. Real members
 * each hold one share and run {@link ThresholdSigner} on their own machine.
 */
public final class LocalSigning {
    private LocalSigning() {}

    /** The log entry of {@code decision} signed by {@code shares} (at least M of one group). */
    public static byte[] sign(Decision decision, List<KeyShare> shares, SecureRandom random) throws FrostException {
        if (shares.isEmpty()) {
            throw FrostException.malformed("no key shares to sign with");
        }
        GroupKey group = shares.get(0).group();
        List<String> names = shares.stream().map(s -> s.member().name()).toList();
        byte[] message = decision.text().getBytes(StandardCharsets.UTF_8);
        SigningAttempt attempt = new Coordinator(group, message, names, random).attempt();
        List<ThresholdSigner> signers = new ArrayList<>();
        for (KeyShare s : shares) {
            if (!s.group().id().equals(group.id())) {
                throw FrostException.malformed("key shares of different groups");
            }
            ThresholdSigner signer = new ThresholdSigner(s, new InMemoryNonceStore(), random);
            signers.add(signer);
            attempt.addCommitment(signer.commit(attempt.session()));
        }
        SigningPackage pkg = attempt.signingPackage();
        for (ThresholdSigner signer : signers) {
            attempt.addShare(signer.sign(pkg));
        }
        SigningAttempt.Signed signed = attempt.finish();
        return DecisionEntry.encode(decision, group, signed.signature(), signed.attestation());
    }
}
