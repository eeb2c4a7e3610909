package dev.virex.cli.auditor;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.Attestation;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A 2-of-3 FROST federation for the CLI's audit tests: genesis, joins, and a short attestation. */
final class FrostEntries {
    static final String NAME = "federation.cli.test";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final List<SignerKey> ids = new ArrayList<>();
    final List<KeyShare> shares;
    final GroupKey group;
    private int n;

    FrostEntries() throws Exception {
        for (int i = 1; i <= 3; i++) {
            ids.add(TestKeys.signer("m" + i + ".cli.test"));
        }
        DeterministicRandom r = new DeterministicRandom("cli-federation");
        shares = LocalDkg.run(new DkgConfig(NAME, 2, SessionId.random(r), ids.stream().map(SignerKey::verifierKey).toList()),
                ids.stream().map(SignerKey::noteSigner).toList(), r);
        group = shares.get(0).group();
    }

    Bytes genesis() throws Exception {
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : group.members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), ids.get(m.id().value() - 1).verifierKey(), m.verifyingShare().serialize()));
        }
        return entry(new FederationKey(new Header(DecisionKind.FEDERATION_KEY, NAME, T0), group.vkey(), 2, members, Optional.empty()), false);
    }

    Bytes join(int i, boolean short_) throws Exception {
        NodeInfo info = new NodeInfo(TestKeys.signer("n" + i + ".cli.test").verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("192.0.2." + i + ":4000"),
                NodeAddress.parse("192.0.2." + i + ":4001"), "eu-west", 100, TestKeys.signer("op.cli.test").verifierKey(), "1.0.0");
        byte[] h = MessageDigest.getInstance("SHA-256").digest(("join" + i).getBytes(StandardCharsets.UTF_8));
        return entry(new JoinApproved(new Header(DecisionKind.JOIN_APPROVED, NAME, T0.plusSeconds(60L * i)), info, Bytes.wrap(h)), short_);
    }

    /** Signed by members 1 and 2; with {@code short_}, the attestation names only member 1. */
    Bytes entry(Decision d, boolean short_) throws Exception {
        DeterministicRandom r = new DeterministicRandom("cli-sign-" + (n++));
        SigningAttempt a = new Coordinator(group, d.text().getBytes(StandardCharsets.UTF_8), List.of("m1.cli.test", "m2.cli.test"), r).attempt();
        List<ThresholdSigner> ts = List.of(new ThresholdSigner(shares.get(0), new InMemoryNonceStore(), r),
                new ThresholdSigner(shares.get(1), new InMemoryNonceStore(), r));
        for (ThresholdSigner t : ts) {
            a.addCommitment(t.commit(a.session()));
        }
        SigningPackage pkg = a.signingPackage();
        for (ThresholdSigner t : ts) {
            a.addShare(t.sign(pkg));
        }
        SigningAttempt.Signed s = a.finish();
        Attestation att = s.attestation();
        if (short_) {
            att = new Attestation(att.groupId(), att.messageDigest(), att.signature(), att.signers().subList(0, 1));
        }
        return Bytes.wrap(DecisionEntry.encode(d, group, s.signature(), att));
    }
}
