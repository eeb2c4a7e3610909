package dev.virex.crypto.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.TestGroups;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionEntryTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(3, 5, "entries");
    static final GroupKey GROUP = SHARES.get(0).group();
    static final Decision EPOCH = new EpochBeacon(new Header(DecisionKind.EPOCH, TestGroups.GROUP_NAME,
            Instant.parse("2026-11-21T06:00:00Z")), 3, Instant.parse("2026-11-21T06:00:00Z"), Duration.ofMinutes(5));

    static SigningAttempt.Signed sign(Decision d, int... members) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i : members) {
            names.add(TestGroups.memberName(i));
        }
        byte[] msg = d.text().getBytes(StandardCharsets.UTF_8);
        SigningAttempt attempt = new Coordinator(GROUP, msg, names, new DeterministicRandom("coord")).attempt();
        List<ThresholdSigner> signers = new ArrayList<>();
        for (int i : members) {
            ThresholdSigner s = new ThresholdSigner(SHARES.get(i - 1), new InMemoryNonceStore(), new DeterministicRandom("s" + i));
            signers.add(s);
            attempt.addCommitment(s.commit(attempt.session()));
        }
        SigningPackage pkg = attempt.signingPackage();
        for (ThresholdSigner s : signers) {
            attempt.addShare(s.sign(pkg));
        }
        return attempt.finish();
    }

    @Test
    void anEntryVerifiesAsAStandardNoteAndNamesItsSigners() throws Exception {
        SigningAttempt.Signed signed = sign(EPOCH, 1, 3, 5);
        byte[] entry = DecisionEntry.encode(EPOCH, GROUP, signed.signature(), signed.attestation());

        // A standard signed-note reader with only the group vkey accepts it and ignores the attestation line.
        var plain = Note.open(entry, Verifiers.of(GROUP.vkey().noteVerifier()));
        assertThat(plain.text()).isEqualTo(EPOCH.text());
        assertThat(plain.unverified()).extracting(NoteSignature::name).containsExactly(TestGroups.GROUP_NAME + "/attestation");

        DecisionEntry opened = DecisionEntry.open(entry, GROUP);
        assertThat(opened.decision()).isEqualTo(EPOCH);
        assertThat(opened.signers()).containsExactly(TestGroups.memberName(1), TestGroups.memberName(3), TestGroups.memberName(5));
    }

    @Test
    void eachBrokenPartIsNamed() throws Exception {
        SigningAttempt.Signed signed = sign(EPOCH, 1, 2, 3);
        String entry = new String(DecisionEntry.encode(EPOCH, GROUP, signed.signature(), signed.attestation()), StandardCharsets.UTF_8);

        byte[] otherText = entry.replace("epoch 3", "epoch 4").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DecisionEntry.open(otherText, GROUP))
                .isInstanceOf(EntryException.class).satisfies(e -> assertThat(((EntryException) e).part()).isEqualTo(EntryException.Part.GROUP_SIGNATURE));

        byte[] noAttestation = Note.sign(EPOCH.text(), new dev.virex.core.note.NoteSigner() {
            public String name() { return GROUP.vkey().name(); }
            public int keyId() { return GROUP.vkey().keyId(); }
            public byte[] sign(byte[] text) { return signed.signature().encode().toArray(); }
        }).encode();
        assertThatThrownBy(() -> DecisionEntry.open(noAttestation, GROUP))
                .satisfies(e -> assertThat(((EntryException) e).part()).isEqualTo(EntryException.Part.ATTESTATION));

        SigningAttempt.Signed other = sign(EPOCH, 2, 4, 5);
        byte[] swapped = DecisionEntry.encode(EPOCH, GROUP, signed.signature(), other.attestation());
        assertThatThrownBy(() -> DecisionEntry.open(swapped, GROUP))
                .satisfies(e -> assertThat(((EntryException) e).part()).isEqualTo(EntryException.Part.ATTESTATION));

        byte[] notADecision = DecisionEntry.encode(EPOCH, GROUP, signed.signature(), signed.attestation());
        String hacked = new String(notADecision, StandardCharsets.UTF_8).replace("virex-decision/v1", "virex-decision/v9");
        assertThatThrownBy(() -> DecisionEntry.open(hacked.getBytes(StandardCharsets.UTF_8), GROUP))
                .satisfies(e -> assertThat(((EntryException) e).part()).isEqualTo(EntryException.Part.GROUP_SIGNATURE));
    }

    @Test
    void theGroupOfAFederationKeyDecisionIsTheSigningGroup() throws Exception {
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : GROUP.members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), TestKeys.signer(m.name()).verifierKey(),
                    m.verifyingShare().serialize()));
        }
        FederationKey fk = new FederationKey(new Header(DecisionKind.FEDERATION_KEY, TestGroups.GROUP_NAME,
                Instant.parse("2026-11-21T06:00:00Z")), GROUP.vkey(), 3, members, Optional.empty());
        assertThat(DecisionEntry.groupOf(fk).id()).isEqualTo(GROUP.id());
        assertThat(DecisionEntry.groupOf(fk).member(Identifier.of(2)).name()).isEqualTo(TestGroups.memberName(2));
        assertThat(Bytes.of(GROUP.encode())).isEqualTo(Bytes.of(DecisionEntry.groupOf(fk).encode()));
    }
}
