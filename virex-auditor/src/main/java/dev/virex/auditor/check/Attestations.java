package dev.virex.auditor.check;

import dev.virex.auditor.notice.Finding;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.entry.EntryException;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who signed an entry: {@link DecisionEntry#open} against the group of the federation-key decision
 * in force, so the attestation must verify (RFC 9591 section 5.3 share checks, aggregation to the
 * logged signature) and name real members, at least M of them. An entry carrying several
 * attestation lines (a key rotation, signed by the old and the new group) passes if one of them
 * verifies for the group in force.
 */
final class Attestations {
    private Attestations() {}

    /** The signers' names, or the finding that says why the attestation does not hold. */
    static Result check(long index, String kind, byte[] entry, GroupKey group) {
        EntryException first;
        try {
            return new Result(DecisionEntry.open(entry, group).signers(), Optional.empty());
        } catch (EntryException e) {
            first = e;
        }
        for (byte[] alternative : oneAttestationEach(entry, group)) {
            try {
                return new Result(DecisionEntry.open(alternative, group).signers(), Optional.empty());
            } catch (EntryException ignored) {
                // report the first failure
            }
        }
        String code = first.getCause() instanceof FrostException fe ? switch (fe.kind()) {
            case NOT_ENOUGH_SIGNERS -> "attestation-below-threshold";
            case UNKNOWN_MEMBER -> "attestation-unknown-member";
            default -> "attestation-invalid";
        } : "attestation-invalid";
        return new Result(List.of(), Optional.of(Finding.of(code, Finding.Severity.VIOLATION,
                "entry " + index + " (" + kind + "): " + first.getMessage(), List.of(index), List.of())));
    }

    /** The entry re-encoded with only one of its attestation lines, for each when it has several. */
    private static List<byte[]> oneAttestationEach(byte[] entry, GroupKey group) {
        List<byte[]> out = new ArrayList<>();
        try {
            Note n = Note.parse(entry);
            String name = group.vkey().name() + "/attestation";
            List<NoteSignature> atts = n.signatures().stream().filter(s -> s.name().equals(name)).toList();
            if (atts.size() < 2) {
                return out;
            }
            List<NoteSignature> others = n.signatures().stream().filter(s -> !s.name().equals(name)).toList();
            for (NoteSignature a : atts) {
                List<NoteSignature> sigs = new ArrayList<>(others);
                sigs.add(a);
                out.add(new Note(n.text(), sigs).encode());
            }
        } catch (NoteException | IllegalArgumentException e) {
            // not a note: the first failure stands
        }
        return out;
    }

    /** Signers (empty when unverified) and the finding, if any. */
    record Result(List<String> signers, Optional<Finding> finding) {}
}
