package dev.virex.crypto.entry;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Decisions;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.note.KeyIds;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.frost.Attestation;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A federation decision as logged (docs/spec/decisions.md, "Log entries"): a signed note whose text
 * is the decision, with the FROST group signature line and one more line carrying the attestation
 * of which members signed. The attestation line uses key name {@code <group name>/attestation}
 * and a key ID of signature type 0xff, so standard verifiers ignore it as an unknown key while
 * auditors check it against the members' verifying shares.
 */
public record DecisionEntry(Decision decision, VerifiedNote note, NoteSignature groupSignature, Attestation attestation) {
    static final String ATTESTATION_TAG = "virex-frost-attestation/v1";
    /** Signature type byte for signature kinds without an assigned identifier (C2SP signed-note). */
    static final int UNASSIGNED_TYPE = 0xff;

    /** The note bytes of a decision signed by {@code group} with {@code signature}, attested by {@code attestation}. */
    public static byte[] encode(Decision decision, GroupKey group, Signature signature, Attestation attestation) {
        String name = attestationKeyName(group.vkey().name());
        NoteSignature att = new NoteSignature(name, attestationKeyId(name), Bytes.wrap(attestation.encode()));
        return new Note(decision.text(), List.of(group.noteSignature(signature), att)).encode();
    }

    /**
     * Opens an entry: the group signature must verify under the group's vkey, the text must be a
     * decision, and the attestation must verify against the group's verifying shares for exactly
     * this text (RFC 9591 section 5.3 share checks, then aggregation to the same signature).
     */
    public static DecisionEntry open(byte[] entry, GroupKey group) throws EntryException {
        VerifiedNote note;
        try {
            note = Note.open(entry, Verifiers.of(group.vkey().noteVerifier()), Decision.MAX_TEXT + Attestation.MAX_BYTES * 2);
        } catch (NoteException e) {
            throw new EntryException(EntryException.Part.GROUP_SIGNATURE, "group signature: " + e.getMessage(), e);
        }
        Decision decision;
        try {
            decision = Decisions.parse(note.text());
        } catch (DecisionFormatException e) {
            throw new EntryException(EntryException.Part.DECISION, "decision: " + e.getMessage(), e);
        }
        String attName = attestationKeyName(group.vkey().name());
        NoteSignature attLine = note.unverified().stream()
                .filter(s -> s.name().equals(attName) && s.keyId() == attestationKeyId(attName))
                .findFirst()
                .orElseThrow(() -> new EntryException(EntryException.Part.ATTESTATION, "no attestation line " + attName, null));
        Attestation attestation;
        try {
            attestation = Attestation.parse(attLine.signature().toArray());
            attestation.verify(group, note.text().getBytes(StandardCharsets.UTF_8));
        } catch (FrostException e) {
            throw new EntryException(EntryException.Part.ATTESTATION, "attestation: " + e.getMessage(), e);
        }
        NoteSignature groupSig = note.verified().get(0);
        if (!groupSig.signature().equals(attestation.signature())) {
            throw new EntryException(EntryException.Part.ATTESTATION, "attestation is for another signature", null);
        }
        return new DecisionEntry(decision, note, groupSig, attestation);
    }

    /** The names of the members whose shares made the group signature. */
    public List<String> signers() {
        return attestation.signerNames();
    }

    /** The FROST group a {@code federation-key} decision describes. */
    public static GroupKey groupOf(FederationKey fk) throws FrostException {
        List<GroupKey.Member> members = new ArrayList<>();
        for (FederationKey.Member m : fk.members()) {
            members.add(new GroupKey.Member(Identifier.of(m.id()), m.name(), Element.deserialize(m.verifyingShare())));
        }
        return GroupKey.of(fk.group().name(), Element.deserialize(fk.group().publicKey()), fk.threshold(), members);
    }

    static String attestationKeyName(String groupName) {
        return groupName + "/attestation";
    }

    static int attestationKeyId(String name) {
        return KeyIds.compute(name, UNASSIGNED_TYPE, Bytes.wrap(ATTESTATION_TAG.getBytes(StandardCharsets.UTF_8)));
    }
}
