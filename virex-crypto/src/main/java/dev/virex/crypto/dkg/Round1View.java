package dev.virex.crypto.dkg;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.Ciphersuite;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Polynomials;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member's checked view of DKG round one: every member's round-one message (signed, for this
 * DKG, with a valid proof of knowledge), the transcript hash over the notes, and what follows
 * publicly from the commitments (the group key and every verifying share).
 */
final class Round1View {
    private final DkgConfig config;
    private final Map<Identifier, byte[]> notes;
    private final Map<Identifier, DkgRound1> messages;
    private final Bytes transcript;

    private Round1View(DkgConfig config, Map<Identifier, byte[]> notes, Map<Identifier, DkgRound1> messages) {
        this.config = config;
        this.notes = notes;
        this.messages = messages;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] n : notes.values()) {
            all.writeBytes(new byte[] {(byte) (n.length >>> 24), (byte) (n.length >>> 16), (byte) (n.length >>> 8), (byte) n.length});
            all.writeBytes(n);
        }
        this.transcript = Ciphersuite.sha256(all.toByteArray());
    }

    /** Opens and checks every member's round-one note (FROST paper, Figure 1, round 1, step 5). */
    static Round1View of(DkgConfig config, List<byte[]> round1Notes) throws FrostException {
        Map<Identifier, byte[]> notes = new TreeMap<>();
        Map<Identifier, DkgRound1> messages = new TreeMap<>();
        for (byte[] note : round1Notes) {
            DkgRound1 m = DkgRound1.open(note, config);
            byte[] old = notes.putIfAbsent(m.member(), note.clone());
            if (old != null && !Arrays.equals(old, note)) {
                throw new FrostException(FrostException.Kind.CONFLICT, "two different signed round-one notes from "
                        + config.name(m.member()) + " (equivocation)", List.of(config.name(m.member())));
            }
            messages.put(m.member(), m);
        }
        requireAll(config, messages.keySet(), "round one");
        List<String> unproven = new ArrayList<>();
        for (DkgRound1 m : messages.values()) {
            if (!ProofOfKnowledge.verify(config.id(), m.member(), m.commitment().get(0), new ProofOfKnowledge.Proof(m.proofR(), m.proofMu()))) {
                unproven.add(config.name(m.member()));
            }
        }
        if (!unproven.isEmpty()) {
            throw new FrostException(FrostException.Kind.INVALID_SHARE,
                    "proof of knowledge fails in round one of " + String.join(", ", unproven), unproven);
        }
        return new Round1View(config, notes, messages);
    }

    /** Opens every member's round-two note and checks that each was made over this round one. */
    static List<DkgRound2> round2(DkgConfig config, Round1View view, List<byte[]> round2Notes) throws FrostException {
        Map<Identifier, DkgRound2> out = new TreeMap<>();
        for (byte[] note : round2Notes) {
            DkgRound2 m = DkgRound2.open(note, config);
            DkgRound2 old = out.putIfAbsent(m.member(), m);
            if (old != null && !old.equals(m)) {
                throw new FrostException(FrostException.Kind.CONFLICT, "two different signed round-two notes from "
                        + config.name(m.member()) + " (equivocation)", List.of(config.name(m.member())));
            }
        }
        requireAll(config, out.keySet(), "round two");
        List<String> split = new ArrayList<>();
        for (DkgRound2 m : out.values()) {
            if (!m.transcript().equals(view.transcript)) {
                split.add(config.name(m.member()));
            }
        }
        if (!split.isEmpty()) {
            throw new FrostException(FrostException.Kind.WRONG_SESSION, "split view of round one: " + String.join(", ", split)
                    + " saw different round-one messages than this member", split);
        }
        return List.copyOf(out.values());
    }

    private static void requireAll(DkgConfig config, java.util.Set<Identifier> got, String round) throws FrostException {
        List<String> missing = new ArrayList<>();
        for (Identifier id : config.identifiers()) {
            if (!got.contains(id)) {
                missing.add(config.name(id));
            }
        }
        if (!missing.isEmpty()) {
            throw new FrostException(FrostException.Kind.WRONG_STATE, round + " missing from " + String.join(", ", missing), missing);
        }
    }

    DkgRound1 message(Identifier id) {
        return messages.get(id);
    }

    byte[] note(Identifier id) {
        return notes.get(id);
    }

    Bytes transcript() {
        return transcript;
    }

    /**
     * FROST paper, Figure 1, round 2, step 4: the group key is the sum of the constant-term
     * commitments; member j's verifying share is the summed commitment evaluated at j.
     */
    GroupKey groupKey() throws FrostException {
        List<Element> summed = new ArrayList<>();
        for (int k = 0; k < config.threshold(); k++) {
            Element acc = Element.IDENTITY;
            for (DkgRound1 m : messages.values()) {
                acc = acc.add(m.commitment().get(k));
            }
            summed.add(acc);
        }
        List<GroupKey.Member> members = new ArrayList<>();
        for (Identifier j : config.identifiers()) {
            members.add(new GroupKey.Member(j, config.name(j), Polynomials.evaluateCommitment(summed, j)));
        }
        return GroupKey.of(config.groupName(), summed.get(0), config.threshold(), members);
    }
}
